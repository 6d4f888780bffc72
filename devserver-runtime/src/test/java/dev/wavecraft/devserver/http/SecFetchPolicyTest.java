package dev.wavecraft.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.RawHttp;
import dev.wavecraft.protocol.options.HttpOptions;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resource isolation policy against a real server, with the {@code Sec-Fetch-*} headers a
 * browser sends: its own pages, typed addresses and links from elsewhere pass; another site
 * pulling the server's files into its page does not.
 */
class SecFetchPolicyTest {

    /** Allowed by default, as a page from loopback. */
    private static final String UI_DEV_SERVER = "http://localhost:5173";

    private static DevHttpServer server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        server = PingOnlyServer.start(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()));
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesItsOwnPagesTypedAddressesLinksFromElsewhereAndToolsWithoutTheHeaders() throws IOException {
        Map<String, RawHttp.Response> allowed = new LinkedHashMap<>();
        allowed.put("no Sec-Fetch headers", get("/app.js", null, null, null));
        allowed.put("own page's script", get("/app.js", "same-origin", "no-cors", "script"));
        allowed.put("own page's fetch", get("/app.js", "same-origin", "cors", "empty"));
        allowed.put("typed address", get("/", "none", "navigate", "document"));
        allowed.put("link from another site", get("/", "cross-site", "navigate", "document"));
        allowed.put("link from the same site", get("/", "same-site", "navigate", "document"));
        allowed.put("bookmark, upper case", get("/", "NONE", "Navigate", "Document"));

        SoftAssertions softly = new SoftAssertions();
        allowed.forEach((kind, response) -> softly.assertThat(response.status()).as(kind).isEqualTo(200));
        softly.assertAll();
    }

    @Test
    void refusesAnotherSitePullingItsFilesInWith403() throws IOException {
        Map<String, RawHttp.Response> refused = new LinkedHashMap<>();
        refused.put("cross-site <script src>", get("/app.js", "cross-site", "no-cors", "script"));
        refused.put("same-site <script src>", get("/app.js", "same-site", "no-cors", "script"));
        refused.put("cross-site <img>", get("/app.js", "cross-site", "no-cors", "image"));
        refused.put("cross-site <link rel=stylesheet>", get("/app.css", "cross-site", "no-cors", "style"));
        refused.put("cross-site fetch", get("/app.js", "cross-site", "cors", "empty"));
        refused.put("same-site fetch", get("/app.js", "same-site", "cors", "empty"));
        refused.put("cross-site <iframe>", get("/", "cross-site", "navigate", "iframe"));
        refused.put("cross-site <object>", get("/", "cross-site", "navigate", "object"));
        refused.put("cross-site <embed>", get("/", "cross-site", "navigate", "embed"));
        refused.put("cross-site module worker", get("/app.js", "cross-site", "same-origin", "worker"));
        refused.put("an unknown site value", get("/app.js", "elsewhere", "no-cors", "script"));
        refused.put("cross-site form POST",
                RawHttp.send(port, "POST", "/", "127.0.0.1:" + port, secFetch("cross-site", "navigate", "document")));

        SoftAssertions softly = new SoftAssertions();
        refused.forEach((kind, response) -> {
            softly.assertThat(response.status()).as(kind).isEqualTo(403);
            softly.assertThat(response.body()).as(kind).contains("from another site's page", "open it directly");
        });
        softly.assertAll();
        assertThat(refused.get("cross-site <script src>").body())
                .contains("Sec-Fetch-Mode: no-cors, Sec-Fetch-Dest: script");
    }

    @Test
    void leavesWebSocketUpgradesToTheOriginCheck() throws IOException {
        Map<String, String> fromUiDevServer = new LinkedHashMap<>(secFetch("same-site", "websocket", "websocket"));
        fromUiDevServer.put("Origin", UI_DEV_SERVER);
        Map<String, String> fromElsewhere = new LinkedHashMap<>(secFetch("cross-site", "websocket", "websocket"));
        fromElsewhere.put("Origin", "http://evil.example");

        assertThat(RawHttp.upgrade(port, "/ws", "localhost:" + port, fromUiDevServer).status()).isEqualTo(101);
        RawHttp.Response refused = RawHttp.upgrade(port, "/ws", "localhost:" + port, fromElsewhere);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Origin 'http://evil.example' is not allowed");
    }

    private static RawHttp.Response get(String path, String site, String mode, String dest) throws IOException {
        return RawHttp.get(port, path, "127.0.0.1:" + port, site == null ? Map.of() : secFetch(site, mode, dest));
    }

    private static Map<String, String> secFetch(String site, String mode, String dest) {
        return Map.of("Sec-Fetch-Site", site, "Sec-Fetch-Mode", mode, "Sec-Fetch-Dest", dest);
    }
}
