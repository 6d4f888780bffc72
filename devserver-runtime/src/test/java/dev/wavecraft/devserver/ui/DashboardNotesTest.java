package dev.wavecraft.devserver.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.devserver.testing.HeadlessChromiumExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The keyboard panel playing examples/synth, compiled from its real sources and run by a real dev
 * server on port 0: what the page plays is heard on the output meter, and stops when let go.
 */
@ExtendWith(HeadlessChromiumExtension.class)
class DashboardNotesTest {

    /** Louder than this (linear RMS, about -60 dBFS) is a note sounding; the synth is silent without one. */
    private static final double SOUNDING = 0.001;

    @TempDir
    Path project;

    @Test
    void holdingAnOnScreenKeySoundsTheSynthAndReleasingItLetsTheMeterFall(HeadlessChromium page) throws Exception {
        CompiledProject.example("synth", project).classpathFile();
        try (SynthServer server = SynthServer.start(project)) {
            open(page, server);
            page.await("silence before any note", d -> meterRms(page) == 0);

            new Actions(page.driver()).clickAndHold(key(page, 57)).perform();
            double sounding = page.await("the synth sounding", d -> meterRms(page) > SOUNDING ? meterRms(page) : null);
            System.out.printf("Meter RMS while A3 is held: %.1f dBFS%n", 20 * Math.log10(sounding));
            assertThat(key(page, 57).getAttribute("aria-pressed")).isEqualTo("true");

            new Actions(page.driver()).release().perform();
            page.await("the meter falling to silence after the release", d -> meterRms(page) < SOUNDING / 10);
            assertThat(key(page, 57).getAttribute("aria-pressed")).isEqualTo("false");
            assertThat(page.severeConsoleMessages()).isEmpty();
        }
    }

    @Test
    void aComputerKeyPlaysTheSynthUntilItIsLetGo(HeadlessChromium page) throws Exception {
        CompiledProject.example("synth", project).classpathFile();
        try (SynthServer server = SynthServer.start(project)) {
            open(page, server);
            page.await("silence before any note", d -> meterRms(page) == 0);

            new Actions(page.driver()).keyDown("h").perform(); // A3 in the DAW layout from C3
            page.await("the synth sounding", d -> meterRms(page) > SOUNDING);
            assertThat(key(page, 57).getAttribute("aria-pressed")).isEqualTo("true");

            new Actions(page.driver()).keyUp("h").perform();
            page.await("the meter falling to silence", d -> meterRms(page) < SOUNDING / 10);
        }
    }

    private static void open(HeadlessChromium page, SynthServer server) {
        page.open(server.url());
        page.await("the keyboard enabled", d -> "true".equals(
                d.findElement(By.id("keyboard-panel")).getAttribute("data-connected")));
        page.script("document.getElementById('piano').scrollIntoView({ block: 'center' })");
    }

    private static WebElement key(HeadlessChromium page, int note) {
        return page.driver().findElement(By.cssSelector("#piano [data-note='" + note + "']"));
    }

    /** The output meter's left RMS (linear), -1 while it shows no frame. */
    private static double meterRms(HeadlessChromium page) {
        String rms = page.driver().findElement(By.id("meter-l")).getAttribute("data-rms");
        return rms == null || rms.isEmpty() ? -1 : Double.parseDouble(rms);
    }
}
