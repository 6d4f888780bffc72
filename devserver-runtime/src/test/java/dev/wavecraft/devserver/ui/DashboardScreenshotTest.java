package dev.wavecraft.devserver.ui;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Writes {@code target/screenshots/dashboard.png}: the dashboard of a real server with a few
 * parameters dialled in and one hot reload in its history. {@code docs/dashboard.png} is a copy.
 */
class DashboardScreenshotTest {

    static final Path SCREENSHOT = Path.of("target/screenshots/dashboard.png");

    /** Writes a PNG under {@code target/screenshots/}, whole or not at all. */
    static void write(String name, byte[] png) throws IOException {
        Path file = SCREENSHOT.resolveSibling(name);
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(name + ".part");
        Files.write(partial, png);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @TempDir
    Path project;
    @TempDir
    Path profile;

    private SynthServer server;
    private HeadlessChromium page;

    @AfterEach
    void stop() throws Exception {
        try {
            if (page != null) {
                page.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void writesAScreenshotOfTheDashboardAfterAReload() throws Exception {
        server = SynthServer.start(project);
        server.rpc().call("setParameter", valueParams("cutoff", 2400));
        server.rpc().call("setParameter", valueParams("resonance", 0.35));
        server.rpc().call("setParameter", valueParams("gain", -6));
        server.rpc().call("setParameter", valueParams("wave", 1));
        server.compile("FloatParameter.of(\"drive\", \"Drive\", 0, 24, 6).withUnit(\"dB\").withGroup(\"Tone\"),");
        assertThat(server.reload().ok()).isTrue();

        page = HeadlessChromium.start(profile, 1440, 900);
        page.preferColorScheme("dark");
        page.open(server.url());
        page.await("the history row of generation 2",
                d -> !d.findElements(By.cssSelector("#history-body tr[data-generation='2']")).isEmpty());
        page.await("the parameters", d -> d.findElements(By.cssSelector("[data-param-id]")).size() == 6);
        page.await("the connection", d -> "connected".equals(
                d.findElement(By.id("connection-state")).getAttribute("data-state")));
        page.await("the animations to settle", d -> Boolean.TRUE.equals(page.script(
                "return document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)")));

        byte[] png = page.fullPageScreenshot();
        write(SCREENSHOT.getFileName().toString(), png);

        // The same page on a phone-sized window, and in the light scheme.
        page.emulateViewport(390, 844);
        page.await("the one-column layout", d -> Boolean.TRUE.equals(page.script(
                "return getComputedStyle(document.querySelector('.layout')).gridTemplateColumns.split(' ').length === 1")));
        write("dashboard-narrow.png", page.fullPageScreenshot());
        page.clearViewport();
        page.preferColorScheme("light");
        page.driver().navigate().refresh();
        page.await("the reloaded page", d -> d.findElements(By.cssSelector("[data-param-id]")).size() == 6
                && !d.findElements(By.cssSelector("#history-body tr[data-generation='2']")).isEmpty());
        write("dashboard-light.png", page.screenshot());

        assertThat(png.length).isGreaterThan(10_000);
        assertThat(page.script("return matchMedia('(prefers-color-scheme: light)').matches")).isEqualTo(true);
        assertThat(page.severeConsoleMessages()).isEmpty();
    }
}
