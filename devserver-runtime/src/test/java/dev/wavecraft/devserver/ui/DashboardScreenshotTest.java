package dev.wavecraft.devserver.ui;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static dev.wavecraft.devserver.ui.ImageRegion.hex;
import static dev.wavecraft.devserver.ui.ImageRegion.luminance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.devserver.testing.HeadlessChromiumExtension;
import dev.wavecraft.devserver.testing.HeadlessChromiumExtension.WindowSize;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Writes {@code target/screenshots/dashboard.png}: the dashboard of a real server with a few
 * parameters dialled in and one hot reload in its history, and checks what it shows where: the
 * page's background in the margin, every panel painted with content on it, each parameter's row,
 * the accent-coloured Reload now button, the new generation's history row; the same on a phone and
 * in the light scheme. {@code docs/dashboard.png} is a copy.
 */
@ExtendWith(HeadlessChromiumExtension.class)
class DashboardScreenshotTest {

    static final Path SCREENSHOT = Path.of("target/screenshots/dashboard.png");

    private static final String TITLE = ".topbar .title";
    /** The panels shown: the chain panel stays hidden for a processor that is no chain, such as this synth. */
    private static final String PANELS = ".panel:not([hidden])";
    private static final String PARAMETERS = "[data-param-id]";
    private static final String RELOAD_NOW = "#reload-now";
    private static final String NEW_GENERATION = "#history-body tr[data-generation='2']";
    private static final String[] MEASURED = {TITLE, PANELS, PARAMETERS, RELOAD_NOW, NEW_GENERATION};
    /** Text and controls cover at least this share of a panel or a row (the sparsest, about 5%). */
    private static final double DRAWN = 0.03;

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

    @Test
    void screenshotsShowEveryPanelWithItsContentInTheDarkSchemeOnAPhoneAndInTheLightScheme(
            @WindowSize(width = 1440, height = 900) HeadlessChromium page) throws Exception {
        try (SynthServer server = SynthServer.start(project)) {
            server.rpc().call("setParameter", valueParams("cutoff", 2400));
            server.rpc().call("setParameter", valueParams("resonance", 0.35));
            server.rpc().call("setParameter", valueParams("gain", -6));
            server.rpc().call("setParameter", valueParams("wave", 1));
            server.compile("FloatParameter.of(\"drive\", \"Drive\", 0, 24, 6).withUnit(\"dB\").withGroup(\"Tone\"),");
            assertThat(server.reload().ok()).isTrue();

            page.preferColorScheme("dark");
            page.open(server.url());
            page.await("the history row of generation 2", d -> !d.findElements(By.cssSelector(NEW_GENERATION)).isEmpty());
            page.await("the parameters", d -> d.findElements(By.cssSelector(PARAMETERS)).size() == 6);
            page.await("the connection", d -> "connected".equals(
                    d.findElement(By.id("connection-state")).getAttribute("data-state")));
            page.await("the animations to settle", d -> Boolean.TRUE.equals(page.script(
                    "return document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)")));
            awaitAudioSettled(page);

            PageScreenshot dark = PageScreenshot.wholePage(page, MEASURED);
            write(SCREENSHOT.getFileName().toString(), dark.png());
            assertThat(List.of(dark.width(), dark.height())).as("the whole page").isEqualTo(dark.measuredSize());
            assertThat(luminance(pageBackground(page))).as("the dark scheme's background").isLessThan(0.05);
            assertShowsTheDashboard(dark, page);

            page.emulateViewport(390, 844);
            page.await("the one-column layout", d -> Boolean.TRUE.equals(page.script(
                    "return getComputedStyle(document.querySelector('.layout')).gridTemplateColumns.split(' ').length === 1")));
            PageScreenshot narrow = PageScreenshot.wholePage(page, MEASURED);
            write("dashboard-narrow.png", narrow.png());
            assertThat(List.of(narrow.width(), narrow.height())).as("the whole page on a phone")
                    .isEqualTo(narrow.measuredSize());
            assertThat(narrow.boxes(PANELS)).as("the panels, one below the other")
                    .extracting(box -> box.x).containsOnly(narrow.boxes(PANELS).get(0).x);
            assertShowsTheDashboard(narrow, page);

            page.clearViewport();
            page.preferColorScheme("light");
            page.driver().navigate().refresh();
            page.await("the reloaded page", d -> d.findElements(By.cssSelector(PARAMETERS)).size() == 6
                    && !d.findElements(By.cssSelector(NEW_GENERATION)).isEmpty());
            awaitAudioSettled(page);
            PageScreenshot light = PageScreenshot.window(page, MEASURED);
            write("dashboard-light.png", light.png());
            assertThat(luminance(pageBackground(page))).as("the light scheme's background").isGreaterThan(0.85);
            assertShowsTheDashboard(light, page);

            assertThat(page.severeConsoleMessages()).isEmpty();
        }
    }

    /**
     * The checks every picture of the dashboard passes, for the elements in it from top to bottom (a
     * picture of the window leaves out what lies below its bottom edge): the title, the page's own
     * background in the left margin, every panel in the panels' colour (at least a fifth of it; the
     * parameter groups cover much of their panel) with content on it, every parameter row, the
     * Reload now button in the accent colour, and the row of the new generation in the history.
     */
    private static void assertShowsTheDashboard(PageScreenshot shot, HeadlessChromium page) {
        int background = pageBackground(page);
        int accent = PageScreenshot.backgroundColour(page, RELOAD_NOW);
        assertThat(shot.whole().colours()).as("colours in the whole picture, not a blank one").isGreaterThan(1000);

        assertThat(shot.region(shot.box(TITLE), 0).drawnShare()).as("the title's letters").isGreaterThan(0.1);
        List<Rectangle> panels = inPicture(shot, shot.boxes(PANELS));
        assertThat(panels).as("panels wholly in the picture").hasSizeGreaterThanOrEqualTo(2);
        ImageRegion margin = shot.region(new Rectangle(0, panels.get(0).y, 8, shot.height()), 0);
        assertThat(margin.shareOf(background)).as("the page background %s in %s", hex(background), margin)
                .isGreaterThan(0.9);
        int panelFill = PageScreenshot.backgroundColour(page, PANELS);
        for (Rectangle panel : panels) {
            ImageRegion region = shot.region(panel, 4);
            assertThat(region.shareOf(panelFill)).as("the panels' colour %s on %s", hex(panelFill), region)
                    .isGreaterThan(0.2);
            assertThat(region.drawnShare()).as("content on %s", region).isGreaterThan(DRAWN);
        }
        List<Rectangle> rows = inPicture(shot, shot.boxes(PARAMETERS));
        assertThat(rows).as("parameter rows in the picture").hasSize(6);
        for (Rectangle row : rows) {
            assertThat(shot.region(row, 0).drawnShare()).as("a label and a control on %s", shot.region(row, 0))
                    .isGreaterThan(DRAWN);
        }
        ImageRegion button = shot.region(shot.box(RELOAD_NOW), 0);
        assertThat(button.shareOf(accent)).as("the accent %s on Reload now, %s", hex(accent), button).isGreaterThan(0.6);
        for (Rectangle history : inPicture(shot, shot.boxes(NEW_GENERATION))) {
            assertThat(shot.region(history, 0).drawnShare()).as("the history row of generation 2")
                    .isGreaterThan(DRAWN);
        }
    }

    /** The boxes from the picture's top to its bottom edge; one wider than the picture is cut at its right edge. */
    private static List<Rectangle> inPicture(PageScreenshot shot, List<Rectangle> boxes) {
        return boxes.stream().filter(box -> box.y >= 0 && box.y + box.height <= shot.height()).toList();
    }

    /** The audio panel past its first status, whose message changes the page's height. */
    private static void awaitAudioSettled(HeadlessChromium page) {
        page.await("the audio engine's status", d -> !List.of("none", "initializing")
                .contains(d.findElement(By.id("audio-phase")).getAttribute("data-phase")));
    }

    private static int pageBackground(HeadlessChromium page) {
        return PageScreenshot.backgroundColour(page, "body");
    }
}
