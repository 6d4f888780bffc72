package dev.wavecraft.devserver.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.protocol.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Notifications the full server cannot be made to send yet, pushed over the real WebSocket:
 * {@code uiChanged} as {@code /wavecraft/client.js} handles it for users' pages, and build
 * diagnostics that carry a code frame.
 */
class DashboardNotificationsTest {

    @TempDir
    Path profile;

    private StubServer server;
    private HeadlessChromium page;

    @BeforeEach
    void start() throws Exception {
        server = new StubServer(Map.of());
        page = HeadlessChromium.start(profile);
        page.open(server.url());
        page.await("the connection", d -> "connected".equals(
                d.findElement(By.id("connection-state")).getAttribute("data-state")));
    }

    @AfterEach
    void stop() {
        try {
            if (page != null) {
                page.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void uiChangedSwapsAChangedStylesheetInPlaceWithoutReloadingThePage() {
        // A user's page: its UI folder is this server's root here, so app.css is one of its files.
        connectUserClient("{ uiBase: '/' }");
        page.script("window.loadedOnce = 'still here'");

        server.broadcast("uiChanged", Json.parseStrict("{\"files\": [\"app.css\"]}"));

        page.await("the stylesheet to be swapped", d -> {
            List<WebElement> links = d.findElements(By.cssSelector("link[rel=stylesheet]"));
            return links.size() == 1 && links.get(0).getAttribute("href").contains("app.css?wavecraft=");
        });
        assertThat(page.script("return window.loadedOnce")).isEqualTo("still here");
        assertThat(page.script("return getComputedStyle(document.querySelector('.panel')).borderTopLeftRadius"))
                .isEqualTo("12px");
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void uiChangedReloadsAPageThatShowsAChangedScript() {
        connectUserClient("{ uiBase: '/' }");
        page.script("window.loadedOnce = 'still here'");

        server.broadcast("uiChanged", Json.parseStrict("{\"files\": [\"app.css\", \"app.js\"]}"));

        page.await("the page to reload", d -> page.script("return window.loadedOnce") == null);
        page.await("the reloaded page to connect", d -> "connected".equals(
                d.findElement(By.id("connection-state")).getAttribute("data-state")));
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void uiChangedReloadsOnlyPagesThatShowAChangedFileAndTheDashboardOptsOut() {
        Object shows = page.asyncScript("""
                const done = arguments[arguments.length - 1];
                import('/wavecraft/client.js').then(({ pageShows, uiBaseUrl }) => {
                  const base = uiBaseUrl('ws://127.0.0.1:9000/ws');
                  const doc = (html) => {
                    const d = document.implementation.createHTMLDocument('');
                    d.body.innerHTML = html;
                    return d;
                  };
                  const at = (href) => ({ href });
                  const file = (name) => new URL(name, base).href;
                  done({
                    base,
                    pageInTheFolder: pageShows([file('main.js')], base, doc(''), at(base + 'index.html?x=1')),
                    elsewhereUsingTheFile: pageShows([file('widget.js')], base,
                        doc('<script src="' + file('widget.js') + '"></script>'), at('http://127.0.0.1:9000/')),
                    elsewhereImportingModules: pageShows([file('lib/util.js')], base,
                        doc('<script type="module" src="' + file('main.js') + '"></script>'), at('http://127.0.0.1:9000/')),
                    elsewhereNotUsingIt: pageShows([file('index.html'), file('main.js')], base,
                        doc('<link rel="stylesheet" href="/app.css">'), at('http://127.0.0.1:9000/')),
                    dashboardListens: window.wavecraft.client._notify.get('uiChanged')?.size ?? 0,
                  });
                });""");

        assertThat(shows).isEqualTo(Map.of(
                "base", "http://127.0.0.1:9000/ui/",
                "pageInTheFolder", true,
                "elsewhereUsingTheFile", true,
                "elsewhereImportingModules", true,
                "elsewhereNotUsingIt", false,
                "dashboardListens", 0L));
    }

    @Test
    void rendersTheCodeFrameOfADiagnosticInEitherFormAndClearsOnTheNextReload() throws IOException {
        server.broadcast("buildFailed", Json.parseStrict("""
                { "diagnostics": [
                    { "file": "src/main/java/demo/Synth.java", "line": 7, "column": 21, "severity": "error",
                      "message": "';' expected",
                      "frame": [ { "line": 6, "text": "    public float gain() {" },
                                 { "line": 7, "text": "        return level * 2" },
                                 { "line": 8, "text": "    }" } ] },
                    { "file": "src/main/java/demo/Tone.java", "line": 3, "column": 8, "severity": "error",
                      "message": "cannot find symbol", "frame": "  3 | import foo.Bar;\\n    |        ^" },
                    { "file": "src/main/java/demo/Old.java", "line": 1, "column": 1, "severity": "warning",
                      "message": "deprecated" } ],
                  "output": "[ERROR] COMPILATION ERROR" }"""));

        WebElement overlay = page.await("the overlay", d -> d.findElement(By.id("overlay")).isDisplayed()
                ? d.findElement(By.id("overlay")) : null);
        List<WebElement> diagnostics = overlay.findElements(By.cssSelector(".diagnostic"));
        assertThat(page.driver().findElement(By.id("overlay-title")).getText()).isEqualTo("Build failed: 2 errors");
        WebElement marked = diagnostics.get(0).findElement(By.cssSelector(".frame-line.is-error"));
        assertThat(marked.getAttribute("data-line")).isEqualTo("7");
        assertThat(marked.getText()).isEqualTo("> 7 │         return level * 2");
        assertThat(diagnostics.get(0).findElement(By.cssSelector(".frame-caret")).getDomProperty("textContent"))
                .isEqualTo("    │ " + " ".repeat(20) + "^\n"); // under column 21
        assertThat(diagnostics.get(0).findElements(By.cssSelector(".frame-line:not(.frame-caret)"))).hasSize(3);
        assertThat(diagnostics.get(1).findElement(By.cssSelector("[data-role=frame]")).getDomProperty("textContent"))
                .isEqualTo("  3 | import foo.Bar;\n    |        ^");
        assertThat(diagnostics.get(2).getAttribute("data-severity")).isEqualTo("warning");
        assertThat(diagnostics.get(2).findElements(By.cssSelector("[data-role=frame]"))).isEmpty();
        page.preferColorScheme("dark");
        DashboardScreenshotTest.write("build-error.png", page.screenshot());

        server.broadcast("reloadFailed", Json.parseStrict(
                "{\"stage\": \"validate\", \"message\": \"Duplicate parameter id: gain\", \"detail\": \"at demo.Synth\"}"));
        page.await("the reload failure", d -> d.findElement(By.id("overlay-title")).getText().equals("Reload failed at validate"));
        assertThat(overlay.findElement(By.cssSelector(".reload-message")).getText()).isEqualTo("Duplicate parameter id: gain");
        assertThat(overlay.findElement(By.cssSelector(".build-output")).getText()).isEqualTo("at demo.Synth");

        server.broadcast("reloadCompleted", Json.parseStrict(
                "{\"generation\": 2, \"totalMs\": 900, \"added\": [], \"removed\": []}"));
        page.await("the overlay to clear", d -> !d.findElement(By.id("overlay")).isDisplayed());
    }

    /** Imports the public client as a user's page would and waits until it is connected. */
    private void connectUserClient(String options) {
        page.script("import('/wavecraft/client.js').then(({ connect }) => { window.userClient = connect(undefined, "
                + options + "); })");
        page.await("the user's client to connect", d -> "connected".equals(
                page.script("return window.userClient && window.userClient.state")));
        page.await("two pages' worth of clients", d -> server.connectedClients() == 2);
    }
}
