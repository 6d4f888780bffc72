package dev.wavecraft.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.RawHttp;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.options.HttpOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Host allowlist (against DNS rebinding) and the Origin check on a real server bound to
 * loopback, on each kind of request: the page, the user's UI folder and the WebSocket upgrade.
 */
class HostAllowlistTest {

    /** A UI dev server on another machine of the LAN: not loopback, so only an exact entry lets it in. */
    private static final String UI_DEV_SERVER = "http://devbox.example:5173";

    @TempDir
    static Path ui;

    private static DevHttpServer server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(ui.resolve("index.html"), "<!doctype html><title>My plugin UI</title>");
        server = PingOnlyServer.start(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of(UI_DEV_SERVER))
                .withUiDirectory(Optional.of(ui)));
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void acceptsEachLoopbackNameWithThePortOnEveryKindOfRequest() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (String name : List.of("localhost", "127.0.0.1", "[::1]", "app.localhost", "LocalHost")) {
            String host = name + ":" + port;
            softly.assertThat(RawHttp.get(port, "/", host, Map.of()).status()).as("GET / with Host %s", host)
                    .isEqualTo(200);
            softly.assertThat(RawHttp.get(port, "/ui/", host, Map.of()).status()).as("GET /ui/ with Host %s", host)
                    .isEqualTo(200);
            softly.assertThat(RawHttp.upgrade(port, "/ws", host, Map.of()).status()).as("upgrade with Host %s", host)
                    .isEqualTo(101);
        }
        softly.assertAll();
    }

    @Test
    void refusesLoopbackNamesWithoutOrWithAnotherPortAndEveryForeignNameWith403() throws IOException {
        List<String> hosts = new ArrayList<>();
        for (String name : List.of("localhost", "127.0.0.1", "[::1]", "app.localhost")) {
            hosts.add(name);
            hosts.add(name + ":" + (port + 1));
            hosts.add(name + ":80");
        }
        hosts.addAll(List.of("evil.example:" + port, "localhost.evil.example:" + port, "127.0.0.1.nip.io:" + port,
                ".localhost:" + port, "192.0.2.2:" + port, "0.0.0.0:" + port, ""));
        SoftAssertions softly = new SoftAssertions();
        for (String host : hosts) {
            RawHttp.Response page = RawHttp.get(port, "/", host, Map.of());
            softly.assertThat(page.status()).as("GET / with Host '%s'", host).isEqualTo(403);
            softly.assertThat(page.body()).as("GET / with Host '%s'", host)
                    .contains("is not a loopback name with this server's port", "http://localhost:" + port + "/");
            softly.assertThat(RawHttp.get(port, "/ui/", host, Map.of()).status()).as("GET /ui/ with Host '%s'", host)
                    .isEqualTo(403);
            softly.assertThat(RawHttp.upgrade(port, "/ws", host, Map.of()).status()).as("upgrade with Host '%s'", host)
                    .isEqualTo(403);
        }
        softly.assertAll();
    }

    @Test
    void leavesHostsThatUndertowCannotParseToItsOwn400() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (String host : Arrays.asList(null, "[::ffff:127.0.0.1]:" + port, "localhost:" + port + "0")) {
            softly.assertThat(RawHttp.get(port, "/", host, Map.of()).status()).as("GET / with Host %s", host)
                    .isIn(400, 403);
            softly.assertThat(RawHttp.upgrade(port, "/ws", host, Map.of()).status()).as("upgrade with Host %s", host)
                    .isIn(400, 403);
        }
        softly.assertAll();
    }

    @Test
    void letsAToolWithoutOriginConnectWhileBoundToLoopback() throws IOException {
        assertThat(RawHttp.upgrade(port, "/ws", "127.0.0.1:" + port, Map.of()).status()).isEqualTo(101);
        try (RpcTestClient tool = RpcTestClient.connect(port)) {
            assertThat(tool.call("ping", null).has("result")).isTrue();
        }
    }

    @Test
    void letsAConfiguredOriginConnectAndNothingThatMerelyResemblesIt() {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        try (RpcTestClient page = RpcTestClient.connect(uri, Map.of("Origin", UI_DEV_SERVER))) {
            assertThat(page.call("ping", null).has("result")).isTrue();
        }
        for (String origin : List.of(UI_DEV_SERVER + "/", "http://devbox.example:5174", "https://devbox.example:5173",
                "http://devbox.example:51730", "http://devbox.example:5173.evil.example",
                "http://devbox.example.evil.example:5173")) {
            assertThat(RpcTestClient.handshakeRefused(uri, Map.of("Origin", origin))).as("origin %s", origin).isTrue();
        }
    }

    @Test
    void letsPagesFromLoopbackOnAnyPortConnectBesideTheConfiguredOrigin() {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        for (String origin : List.of("http://localhost:5174", "https://localhost:5173", "http://localhost:51730",
                "http://127.0.0.1:5173", "http://localhost:" + (port + 1))) {
            try (RpcTestClient page = RpcTestClient.connect(uri, Map.of("Origin", origin))) {
                assertThat(page.call("ping", null).has("result")).as("origin %s", origin).isTrue();
            }
        }
    }
}
