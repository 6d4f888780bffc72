package dev.wavecraft.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.RawHttp;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.options.HttpOptions;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * With default settings a page from this machine's loopback on any port (a UI dev server such as
 * Vite's) opens the WebSocket, as Vite's own server allows; look-alikes do not, and a refused
 * Origin is named on the terminal once, with the setting that allows it.
 */
class LoopbackOriginsTest {

    private final List<String> terminal = new CopyOnWriteArrayList<>();

    @Test
    void letsPagesFromLoopbackOnAnyPortConnectAndAnswersTheirPing() throws Exception {
        try (DevHttpServer server = PingOnlyServer.start(defaults(), terminal::add)) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
            JsonObject pong = new JsonObject();
            pong.addProperty("pong", true);
            for (String origin : List.of("http://localhost:5173", "http://127.0.0.1:" + (server.port() + 1),
                    "http://[::1]:3000", "http://localhost", "https://127.0.0.1:8443", "https://[::1]",
                    "http://LocalHost:5173")) {
                try (RpcTestClient page = RpcTestClient.connect(uri, Map.of("Origin", origin))) {
                    assertThat(page.call("ping", null).get("result")).as("ping from %s", origin).isEqualTo(pong);
                }
            }
            assertThat(terminal).isEmpty();
        }
    }

    @Test
    void refusesLookAlikesOfLoopbackWith403() throws Exception {
        try (DevHttpServer server = PingOnlyServer.start(defaults(), terminal::add)) {
            int port = server.port();
            SoftAssertions softly = new SoftAssertions();
            for (String origin : List.of("http://localhost.evil.com:5173", "http://127.0.0.1.nip.io",
                    "http://evil.com", "null", "file://", "file:///home/me/ui.html", "ws://localhost:5173",
                    "http://localhost:5173/", "http://localhost:5173/path", "http://localhost:5173?x=1",
                    "http://localhost:5173#x", "http://user@localhost:5173", "http://localhost@evil.com:5173",
                    "http://localhost:", "http://localhost:5173:1", "http://localhost:99999", "http://localhost.",
                    "http://[::1].evil.com", "http://[0:0:0:0:0:0:0:1]:3000", "http://127.0.0.2:5173",
                    "http://0.0.0.0:5173", "http://app.localhost:5173", "http:localhost:5173", "localhost:5173",
                    "http://[::1%25lo]:3000")) {
                RawHttp.Response response = RawHttp.upgrade(port, "/ws", "127.0.0.1:" + port, Map.of("Origin", origin));
                softly.assertThat(response.status()).as("upgrade with Origin '%s'", origin).isEqualTo(403);
            }
            softly.assertAll();
        }
    }

    @Test
    void namesARefusedOriginOnTheTerminalOnceAndSaysHowToAllowIt() throws Exception {
        try (DevHttpServer server = PingOnlyServer.start(defaults(), terminal::add)) {
            int port = server.port();
            String origin = "http://evil.example:5173";

            RawHttp.Response first = RawHttp.upgrade(port, "/ws", "127.0.0.1:" + port, Map.of("Origin", origin));
            RawHttp.Response second = RawHttp.upgrade(port, "/ws", "127.0.0.1:" + port, Map.of("Origin", origin));
            RawHttp.upgrade(port, "/ws", "127.0.0.1:" + port, Map.of("Origin", "http://other.example"));

            for (RawHttp.Response refused : List.of(first, second)) {
                assertThat(refused.status()).isEqualTo(403);
                assertThat(refused.body()).contains("WebSocket Origin '" + origin + "' is not allowed",
                        "<allowedOrigins>", "-Dwavecraft.allowedOrigins=" + origin);
            }
            assertThat(terminal).filteredOn(line -> line.contains(origin)).singleElement().asString()
                    .contains("Refused a WebSocket upgrade from Origin '" + origin + "'", "<allowedOrigins>",
                            "-Dwavecraft.allowedOrigins=" + origin);
            assertThat(terminal).filteredOn(line -> line.contains("http://other.example")).hasSize(1);
        }
    }

    @Test
    void doesNotSuggestListingAnOriginThatNoWebPageHas() throws Exception {
        try (DevHttpServer server = PingOnlyServer.start(defaults(), terminal::add)) {
            int port = server.port();

            RawHttp.Response refused = RawHttp.upgrade(port, "/ws", "127.0.0.1:" + port, Map.of("Origin", "null"));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("not the origin of a page served over http or https")
                    .doesNotContain("allowedOrigins");
            assertThat(terminal).singleElement().asString().contains("'null'", "serve the page from a web server");
        }
    }

    @Test
    void refusesLoopbackPagesOnOtherPortsWhenSwitchedOffButKeepsTheOwnAndTheListedOrigins() throws Exception {
        String listed = "http://localhost:5173";
        try (DevHttpServer server = PingOnlyServer.start(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of(listed))
                .withLoopbackOrigins(false), terminal::add)) {
            int port = server.port();
            String host = "127.0.0.1:" + port;

            RawHttp.Response refused = RawHttp.upgrade(port, "/ws", host, Map.of("Origin", "http://localhost:3000"));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("wavecraft.allowLoopbackOrigins is false",
                    "-Dwavecraft.allowedOrigins=http://localhost:3000");
            assertThat(terminal).singleElement().asString().contains("http://localhost:3000",
                    "wavecraft.allowLoopbackOrigins");
            assertThat(RawHttp.upgrade(port, "/ws", host, Map.of("Origin", listed)).status()).isEqualTo(101);
            assertThat(RawHttp.upgrade(port, "/ws", host, Map.of("Origin", "http://127.0.0.1:" + port)).status())
                    .isEqualTo(101);
        }
    }

    private static HttpOptions defaults() {
        return new HttpOptions("127.0.0.1", 0, 1 << 20, List.of());
    }
}
