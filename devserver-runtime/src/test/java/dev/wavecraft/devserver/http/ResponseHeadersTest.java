package dev.wavecraft.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.RawHttp;
import dev.wavecraft.protocol.options.HttpOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of response the real server gives carries {@code nosniff} and
 * {@code Cross-Origin-Resource-Policy: same-origin}, and none carries a CORS header, even when the
 * request comes with a foreign Origin as a cross-origin fetch would.
 */
class ResponseHeadersTest {

    private static final Map<String, String> FOREIGN_ORIGIN = Map.of("Origin", "http://evil.example");

    @TempDir
    static Path ui;

    private static DevHttpServer loopback;
    private static DevHttpServer remote;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(ui.resolve("index.html"), "<!doctype html><title>My plugin UI</title>");
        loopback = PingOnlyServer.start(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of())
                .withUiDirectory(Optional.of(ui)));
        remote = PingOnlyServer.start(new HttpOptions("0.0.0.0", 0, 1 << 20, List.of()));
    }

    @AfterAll
    static void stop() {
        loopback.close();
        remote.close();
    }

    @Test
    void everyKindOfResponseCarriesNosniffAndSameOriginResourcePolicyAndNoCors() throws IOException {
        int port = loopback.port();
        String host = "127.0.0.1:" + port;
        Map<String, RawHttp.Response> responses = new LinkedHashMap<>();
        responses.put("page", RawHttp.get(port, "/", host, FOREIGN_ORIGIN));
        responses.put("script", RawHttp.get(port, "/app.js", host, FOREIGN_ORIGIN));
        responses.put("not found", RawHttp.get(port, "/missing.js", host, FOREIGN_ORIGIN));
        responses.put("method not allowed", RawHttp.send(port, "POST", "/", host, FOREIGN_ORIGIN));
        responses.put("preflight", RawHttp.send(port, "OPTIONS", "/app.js", host, Map.of("Origin", "http://evil.example",
                "Access-Control-Request-Method", "GET")));
        responses.put("user UI", RawHttp.get(port, "/ui/", host, FOREIGN_ORIGIN));
        responses.put("user UI not found", RawHttp.get(port, "/ui/missing.css", host, FOREIGN_ORIGIN));
        responses.put("foreign Host", RawHttp.get(port, "/", "evil.example:" + port, FOREIGN_ORIGIN));
        responses.put("cross-site script", RawHttp.get(port, "/app.js", host, Map.of("Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "script")));
        responses.put("refused upgrade", RawHttp.upgrade(port, "/ws", host, FOREIGN_ORIGIN));
        responses.put("upgrade", RawHttp.upgrade(port, "/ws", host, Map.of("Origin", "http://" + host)));
        responses.put("no token", RawHttp.get(remote.port(), "/", "127.0.0.1:" + remote.port(), FOREIGN_ORIGIN));

        assertThat(responses).extractingFromEntries(entry -> entry.getKey() + " " + entry.getValue().status())
                .containsExactly("page 200", "script 200", "not found 404", "method not allowed 405", "preflight 405",
                        "user UI 200", "user UI not found 404", "foreign Host 403", "cross-site script 403",
                        "refused upgrade 403", "upgrade 101", "no token 401");
        SoftAssertions softly = new SoftAssertions();
        responses.forEach((kind, response) -> {
            softly.assertThat(response.header("X-Content-Type-Options")).as(kind).contains("nosniff");
            softly.assertThat(response.header("Cross-Origin-Resource-Policy")).as(kind).contains("same-origin");
            softly.assertThat(response.headerNamesStartingWith("Access-Control-")).as(kind).isEmpty();
        });
        softly.assertAll();
    }
}
