package dev.wavecraft.devserver.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.reload.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The build-error overlay, the reload status, history and actions, against a real server and control channel. */
class DashboardReloadTest {

    @TempDir
    Path project;
    @TempDir
    Path profiles;

    private SynthServer server;
    private final List<HeadlessChromium> browsers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = SynthServer.start(project);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (HeadlessChromium browser : browsers) {
                browser.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void showsAFailedBuildWithFileAndLineDismissesOnEscShowsItToANewPageAndClearsOnTheNextReload() throws Exception {
        HeadlessChromium page = open();

        server.buildStarted();
        page.await("the building state", d -> "building".equals(attribute(d.findElement(By.id("reload-state")), "data-state")));
        assertThat(page.driver().findElement(By.id("reload-building")).getText()).contains("Synth.java");

        server.buildFailed(new Diagnostic(SynthServer.SOURCE_FILE, 7, 12, "error", "';' expected"),
                new Diagnostic(SynthServer.SOURCE_FILE, 9, 5, "error", "cannot find symbol: class Foo"));

        WebElement overlay = page.await("the overlay", d -> visible(d.findElement(By.id("overlay"))));
        assertThat(page.driver().findElement(By.id("overlay-title")).getText()).isEqualTo("Build failed: 2 errors");
        List<WebElement> diagnostics = overlay.findElements(By.cssSelector(".diagnostic"));
        assertThat(diagnostics).hasSize(2);
        assertThat(diagnostics.get(0).findElement(By.cssSelector("[data-role=location]")).getText())
                .isEqualTo("src/main/java/demo/Synth.java:7:12");
        assertThat(diagnostics.get(0).findElement(By.cssSelector("[data-role=message]")).getText()).isEqualTo("';' expected");
        assertThat(diagnostics.get(1).getAttribute("data-line")).isEqualTo("9");
        assertThat(diagnostics.get(0).findElements(By.cssSelector("[data-role=frame]"))).isEmpty(); // none was sent
        page.await("the failed state", d -> "failed".equals(attribute(d.findElement(By.id("reload-state")), "data-state")));

        new Actions(page.driver()).sendKeys(Keys.ESCAPE).perform();
        page.await("the overlay to close", d -> !overlay.isDisplayed());
        WebElement showErrors = page.driver().findElement(By.id("show-errors"));
        assertThat(showErrors.isDisplayed()).isTrue();

        HeadlessChromium late = open();
        late.await("the overlay at once on a page opened while the build is broken",
                d -> visible(d.findElement(By.id("overlay"))));
        assertThat(late.driver().findElement(By.cssSelector("#overlay .diagnostic [data-role=location]")).getText())
                .isEqualTo("src/main/java/demo/Synth.java:7:12");

        showErrors.click();
        page.await("the overlay to open again", d -> overlay.isDisplayed());
        page.driver().findElement(By.id("overlay-close")).click();
        page.await("the overlay to close by its button", d -> !overlay.isDisplayed());

        assertThat(server.reload().ok()).isTrue();

        late.await("the overlay to clear itself", d -> !d.findElement(By.id("overlay")).isDisplayed());
        page.await("the show-errors button to go", d -> !d.findElement(By.id("show-errors")).isDisplayed());
        page.await("the idle state", d -> "idle".equals(attribute(d.findElement(By.id("reload-state")), "data-state")));
        assertThat(page.severeConsoleMessages()).isEmpty();
        assertThat(late.severeConsoleMessages()).isEmpty();
    }

    @Test
    void showsStatusAndHistoryAfterAReloadAndItsButtonsCallTheirMethods() throws Exception {
        HeadlessChromium page = open();
        assertThat(page.driver().findElement(By.id("history-empty")).isDisplayed()).isTrue();
        assertThat(page.driver().findElement(By.id("rollback")).isEnabled()).isFalse();

        server.compile("FloatParameter.of(\"drive\", \"Drive\", 0, 24, 6).withUnit(\"dB\").withGroup(\"Tone\"),");
        assertThat(server.reload().ok()).isTrue();

        WebElement entry = page.await("the history entry of generation 2",
                d -> d.findElements(By.cssSelector("#history-body tr[data-generation='2']")).stream().findFirst().orElse(null));
        assertThat(entry.getAttribute("data-outcome")).isEqualTo("reloaded");
        assertThat(entry.getText()).contains("change", "Synth.java", "Reloaded", "850 ms", "+drive");
        assertThat(page.driver().findElement(By.id("reload-generation")).getText()).isEqualTo("2");
        assertThat(page.driver().findElement(By.id("reload-state")).getText()).isEqualTo("Idle");
        assertThat(page.driver().findElement(By.id("reload-last")).getText()).matches("\\d\\d:\\d\\d:\\d\\d \\(.*\\)");
        assertThat(page.driver().findElement(By.id("reload-chip")).getText()).isEqualTo("Gen 2 · Idle");
        assertThat(page.driver().findElements(By.cssSelector("#reload-chart .chart-bar[data-generation='2'] rect")))
                .isNotEmpty();
        assertThat(page.driver().findElement(By.id("history-empty")).isDisplayed()).isFalse();

        // Auto-reload off: the server knows, and so does the build tool.
        page.driver().findElement(By.id("auto-reload")).click();
        page.await("auto-reload off on the server", d -> !status().get("autoReload").getAsBoolean());
        assertThat(server.nextFromServer("AutoReload").as(ControlMessages.AutoReload.class).enabled()).isFalse();
        page.await("the switch to stay off after the refresh",
                d -> !d.findElement(By.id("auto-reload")).isSelected() && d.findElement(By.id("auto-reload")).isEnabled());

        // Reload now asks the build tool for a build.
        page.driver().findElement(By.id("reload-now")).click();
        server.nextFromServer("BuildRequested");
        page.await("the confirmation", d -> d.findElement(By.id("toast")).getText().equals("Rebuild requested"));

        // Roll back goes to the previous generation's parameters, as a new generation.
        page.await("rollback to be possible", d -> d.findElement(By.id("rollback")).isEnabled());
        page.driver().findElement(By.id("rollback")).click();
        page.await("generation 3", d -> d.findElement(By.id("reload-generation")).getText().equals("3"));
        page.await("the drive parameter to go", d -> d.findElements(By.cssSelector("[data-param-id=drive]")).isEmpty());
        WebElement newest = page.driver().findElement(By.cssSelector("#history-body tr:first-child"));
        assertThat(newest.getAttribute("data-outcome")).isEqualTo("rolledBack");
        assertThat(newest.getText()).contains("Rolled back", "−drive");
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void showsAGenerationThatKeptCrashingAndAutoReloadPausedUntilTheNextGoodReload() throws Exception {
        HeadlessChromium page = open();

        server.compile("", "if (++blocks > 40) throw new IllegalStateException(\"boom\");");
        assertThat(server.reload().ok()).isTrue();

        page.await("the overlay", d -> visible(d.findElement(By.id("overlay"))));
        assertThat(page.driver().findElement(By.id("overlay-title")).getText()).isEqualTo("Reload failed at crashed");
        assertThat(page.driver().findElement(By.id("overlay")).getText()).contains("kept crashing", "boom");
        page.await("auto-reload shown paused", d -> d.findElement(By.id("reload-stats")).getText()
                .startsWith("Auto-reload paused after a crash") && !d.findElement(By.id("auto-reload")).isSelected());
        assertThat(page.driver().findElement(By.id("reload-stats")).getAttribute("title"))
                .contains("until the next successful build");

        server.compile("");
        assertThat(server.reload().ok()).isTrue();

        page.await("auto-reload on again", d -> d.findElement(By.id("auto-reload")).isSelected()
                && !d.findElement(By.id("reload-stats")).getText().contains("paused"));
        page.await("the overlay cleared", d -> !d.findElement(By.id("overlay")).isDisplayed());
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void showsTheErrorOfAnActionTheServerRefuses() throws Exception {
        HeadlessChromium page = open();
        server.compile("FloatParameter.of(\"drive\", \"Drive\", 0, 24, 6),");
        assertThat(server.reload().ok()).isTrue();
        server.closeControl(); // the build tool went away: nobody can build now

        page.await("reload now to be enabled", d -> d.findElement(By.id("reload-now")).isEnabled());
        page.driver().findElement(By.id("reload-now")).click();

        page.await("the error", d -> d.findElement(By.id("toast")).getText().startsWith("Reload now: No build tool is connected"));
        assertThat(page.driver().findElement(By.id("toast")).getAttribute("data-kind")).isEqualTo("error");
    }

    private JsonObject status() {
        return server.rpc().call("getReloadStatus", null).getAsJsonObject("result");
    }

    private HeadlessChromium open() {
        HeadlessChromium browser = HeadlessChromium.start(profiles.resolve("profile-" + browsers.size()));
        browsers.add(browser);
        browser.open(server.url());
        browser.await("the connection", d -> "connected".equals(
                d.findElement(By.id("connection-state")).getAttribute("data-state")));
        browser.await("the reload status", d -> !d.findElement(By.id("reload-generation")).getText().equals("–"));
        return browser;
    }

    private static String attribute(WebElement element, String name) {
        return element.getAttribute(name);
    }

    private static WebElement visible(WebElement element) {
        return element.isDisplayed() ? element : null;
    }
}
