package dev.wavecraft.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * What a real browser (headless Chromium) makes of the checks: another site's page cannot pull
 * the dev server's script in, while links to it work; and a server bound beyond loopback opened
 * through its token URL works as a whole, page, files and WebSocket, on the cookie it set.
 */
class BrowserIsolationTest {

    @TempDir
    Path profile;

    @TempDir
    Path project;

    @Test
    void anotherSitesPageCannotLoadTheServersScriptButMayLinkToIt() throws Exception {
        try (DevHttpServer devServer = PingOnlyServer.start(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()));
                OtherSite otherSite = new OtherSite(devServer.url() + "app.js");
                HeadlessChromium browser = HeadlessChromium.startRecordingNetwork(profile)) {
            // localhost and 127.0.0.1 are different sites to a browser.
            browser.open("http://localhost:" + otherSite.port() + "/");
            browser.await("both scripts to load or fail", d -> browser.script("return window.results.done") != null);

            assertThat(browser.script("return window.results.devServer")).isEqualTo("error");
            assertThat(browser.script("return window.results.own")).isEqualTo("load");
            // Chromium would block the script for its Cross-Origin-Resource-Policy alone; the 403 shows the
            // server refused it before that, from the request's Sec-Fetch headers.
            assertThat(browser.responseStatuses(devServer.url() + "app.js")).containsExactly(403);

            browser.script("location.href = arguments[0]", devServer.url());
            browser.await("the dev server's page, reached through a link", d -> "Wavecraft dev server".equals(d.getTitle()));
        }
    }

    @Test
    void theTokenUrlOpensTheDashboardWhoseFilesAndWebSocketRideOnTheCookie() throws Exception {
        Path classpathFile = CompiledProject.example(project).classpathFile();
        try (DevServer server = DevServer.start(new DevServerOptions(classpathFile)
                        .withHttp(new HttpOptions("0.0.0.0", 0, 1 << 20, List.of()))
                        .withAudio(new AudioOptions(512, InputSpec.tone(440, 0.25), false, 0)), "secret", () -> { });
                HeadlessChromium browser = HeadlessChromium.start(profile)) {
            String token = server.accessToken().orElseThrow();

            browser.open(server.url() + "?token=" + token);

            browser.await("the dashboard to connect", d -> "connected".equals(
                    d.findElement(By.id("connection-state")).getAttribute("data-state")));
            browser.await("the example's parameters", d -> "4 parameters".equals(
                    d.findElement(By.id("param-count")).getText()));
            assertThat(browser.script("return document.cookie")).as("HttpOnly: no script reads it").isEqualTo("");
            assertThat(browser.asyncScript("fetch('/app.js').then(r => arguments[0](r.status))")).isEqualTo(200L);
            assertThat(browser.asyncScript("fetch('/app.js', {credentials: 'omit'}).then(r => arguments[0](r.status))"))
                    .isEqualTo(401L);

            browser.driver().manage().deleteAllCookies();
            browser.open(server.url());
            assertThat(browser.driver().findElement(By.tagName("body")).getText())
                    .contains("401 Unauthorized", "needs its access token");
        }
    }

    /** A second origin on loopback: a page that tries the dev server's script and one of its own. */
    private static final class OtherSite implements AutoCloseable {

        private final Undertow undertow;

        OtherSite(String foreignScript) {
            String page = """
                    <!doctype html><title>another site</title>
                    <script>
                    window.results = {};
                    function load(name, src) {
                      const script = document.createElement('script');
                      script.src = src;
                      script.onload = () => settle(name, 'load');
                      script.onerror = () => settle(name, 'error');
                      document.head.appendChild(script);
                    }
                    function settle(name, outcome) {
                      results[name] = outcome;
                      if (results.devServer && results.own) results.done = true;
                    }
                    load('devServer', '%s');
                    load('own', '/own.js');
                    </script>
                    """.formatted(foreignScript);
            undertow = Undertow.builder()
                    .addHttpListener(0, "127.0.0.1")
                    .setHandler(exchange -> {
                        boolean script = exchange.getRelativePath().equals("/own.js");
                        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE,
                                script ? "text/javascript" : "text/html; charset=utf-8");
                        exchange.getResponseSender().send(script ? "window.ownRan = true;" : page);
                    })
                    .build();
            undertow.start();
        }

        int port() {
            return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        }

        @Override
        public void close() {
            undertow.stop();
        }
    }
}
