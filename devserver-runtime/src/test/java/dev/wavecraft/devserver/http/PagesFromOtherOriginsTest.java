package dev.wavecraft.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.protocol.options.HttpOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wavecraft's own layout, in a real browser: the UI is served by another server on this machine
 * (Vite's on localhost:5173), and its page opens the dev server's WebSocket. With default settings
 * a page from loopback on any port connects; a page whose origin is not loopback is refused, and
 * the terminal says so once, however often the page tries.
 */
class PagesFromOtherOriginsTest {

    /** Not loopback by name: the browser is told to find it at 127.0.0.1, so its pages carry this origin. */
    private static final String FOREIGN_HOST = "ui.example";

    @TempDir
    Path profile;

    private final List<String> terminal = new CopyOnWriteArrayList<>();
    private DevHttpServer devServer;
    private HttpServer uiServer;

    @BeforeEach
    void startTheDevServerAndAUiServerOnAnotherPort() throws Exception {
        devServer = PingOnlyServer.start(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()), terminal::add);
        uiServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = pingPage(devServer.port()).getBytes(StandardCharsets.UTF_8);
        uiServer.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        uiServer.start();
    }

    @AfterEach
    void stopServers() throws IOException {
        uiServer.stop(0);
        devServer.close();
    }

    @Test
    void aPageFromAnotherLoopbackPortConnectsWithTheDefaultSettings() {
        try (HeadlessChromium browser = HeadlessChromium.start(profile)) {
            for (String host : List.of("localhost", "127.0.0.1")) {
                browser.open("http://" + host + ":" + uiServer.getAddress().getPort() + "/");

                String outcome = browser.await("the page's ping", driver -> finished(driver.getTitle()));

                assertThat(outcome).as("from %s", host).isEqualTo("reply {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"pong\":true}}");
            }
            assertThat(terminal).isEmpty();
        }
    }

    @Test
    void aPageFromAnOriginBeyondLoopbackIsRefusedAndTheTerminalSaysSoOnce() {
        String origin = "http://" + FOREIGN_HOST + ":" + uiServer.getAddress().getPort();
        try (HeadlessChromium browser = HeadlessChromium.startResolvingToLoopback(profile, FOREIGN_HOST)) {
            for (int attempt = 1; attempt <= 2; attempt++) {
                browser.open(origin + "/?attempt=" + attempt);

                String outcome = browser.await("the page's ping", driver -> finished(driver.getTitle()));

                assertThat(outcome).as("attempt %d", attempt).startsWith("closed");
            }
        }
        assertThat(terminal).singleElement().asString().contains("Refused a WebSocket upgrade from Origin '"
                + origin + "'", "-Dwavecraft.allowedOrigins=" + origin);
    }

    /** The page's outcome once it has one: the ping's reply, or how the socket closed. */
    private static String finished(String title) {
        return title.startsWith("reply") || title.startsWith("closed") ? title : null;
    }

    /** A page such as a UI dev server serves: it opens the dev server's WebSocket and pings. */
    private static String pingPage(int devServerPort) {
        return """
                <!doctype html>
                <title>waiting</title>
                <script>
                  const socket = new WebSocket("ws://127.0.0.1:%d/");
                  socket.onopen = () => socket.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }));
                  socket.onmessage = (event) => { document.title = "reply " + event.data; socket.close(); };
                  socket.onclose = (event) => {
                    if (!document.title.startsWith("reply")) document.title = "closed " + event.code;
                  };
                </script>
                """.formatted(devServerPort);
    }
}
