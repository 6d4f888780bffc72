package dev.wavecraft.devserver.ui;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonParser;
import dev.wavecraft.devserver.compare.ComparedGenerations;
import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.devserver.testing.HeadlessChromiumExtension;
import dev.wavecraft.devserver.testing.RpcTestClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's compare panel in a real headless Chromium against a real server playing a 1 kHz
 * tone, with real generations compiled and reloaded through the control channel.
 */
@ExtendWith(HeadlessChromiumExtension.class)
class DashboardCompareTest {

    private static final int BLOCK_SIZE = 2048;
    private static final double HALF_DB = 20 * Math.log10(0.5);
    /** The panel shows levels to a tenth of a dB, and the meter and compare measure different windows. */
    private static final double SAME_LEVEL_DB = 0.3;

    @TempDir
    Path project;

    private ComparedGenerations generations;

    @AfterEach
    void stop() throws Exception {
        if (generations != null) {
            generations.close();
        }
    }

    @Test
    void listeningToAAndThenToBInThePageMovesTheMetersBySixDecibels(HeadlessChromium page) throws Exception {
        generations = ComparedGenerations.start(project, BLOCK_SIZE, ComparedGenerations.tone(0.5));
        generations.reload(ComparedGenerations.tone(1.0));
        open(page);
        assertThat(new Select(element(page, "compare-a")).getOptions().stream().map(WebElement::getText).toList())
                .containsExactly("2 (live)", "1");

        element(page, "compare-enabled").click();
        page.await("A measured", d -> levelDb(page, "compare-a-level") > -100);
        assertThat(new Select(element(page, "compare-a")).getFirstSelectedOption().getText()).isEqualTo("1");
        assertThat(element(page, "compare-b").getText()).isEqualTo("2");
        page.await("A's spectrum drawn", d -> "true".equals(attribute(page, "spectrum", "data-generation-a")));
        page.await("amber pixels of A's trace on the spectrum", d -> amberPixels(page) > 20);

        listenTo(page, "a");
        double heardA = page.await("the meter at A's level", d -> meterMatches(page, "compare-a-level"));
        listenTo(page, "b");
        double heardB = page.await("the meter at B's level", d -> meterMatches(page, "compare-b-level"));

        System.out.printf("Meter RMS listening to A %.2f dBFS, to B %.2f dBFS%n", heardA, heardB);
        assertThat(heardA - heardB).isCloseTo(HALF_DB, within(0.5));
        assertThat(element(page, "compare-cpu").getText()).matches("\\d+% · \\d+%");
        assertThat(attribute(page, "compare-null", "data-state")).isEqualTo("different");
        assertThat(element(page, "compare-null").getText()).startsWith("Different: the difference peaks at -");
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void theNullViewSaysIdenticalForAGenerationAgainstItselfAndTheDifferenceIsSilent(HeadlessChromium page)
            throws Exception {
        generations = ComparedGenerations.start(project, BLOCK_SIZE, ComparedGenerations.tone(1.0));
        generations.reload(ComparedGenerations.tone(1.0));
        open(page);
        element(page, "compare-enabled").click();
        page.await("compare on", d -> "true".equals(attribute(page, "compare-panel", "data-enabled")));

        listenTo(page, "diff");

        page.await("identical", d -> "identical".equals(attribute(page, "compare-null", "data-state")));
        assertThat(element(page, "compare-null").getText())
                .isEqualTo("Identical: the difference stayed below −120 dBFS for the last two seconds.");
        assertThat(element(page, "compare-diff-peak").getText()).isEqualTo("silence");
        page.await("the meter silent", d -> meterRms(page) == 0);
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void followsSettingsAnotherClientChangesAndSaysWhyCompareTurnedItselfOff(HeadlessChromium page)
            throws Exception {
        generations = ComparedGenerations.start(project, BLOCK_SIZE, failingBelowMinus50Db());
        generations.reload(ComparedGenerations.tone(1.0));
        open(page);
        try (RpcTestClient other = RpcTestClient.connect(generations.port())) {
            other.call("setCompare", JsonParser.parseString("{\"enabled\":true,\"listening\":\"a\"}"));

            page.await("compare on, listening to A", d -> "true".equals(attribute(page, "compare-panel",
                    "data-enabled")) && "a".equals(attribute(page, "compare-panel", "data-listening")));
            assertThat(element(page, "compare-enabled").isSelected()).isTrue();
            assertThat(listenButton(page, "a").getAttribute("aria-checked")).isEqualTo("true");

            // Generation 1, playing as A, throws from now on; the live generation 2 plays on.
            other.call("setParameter", valueParams("gain", -60));

            page.await("the reason shown", d -> element(page, "compare-stopped").isDisplayed());
        }
        assertThat(element(page, "compare-stopped").getText()).matches("Compare turned itself off: process\\(\\) of"
                + " generation A failed \\d+ blocks in a row \\(java.lang.IllegalStateException: too quiet .*");
        assertThat(attribute(page, "compare-panel", "data-enabled")).isEqualTo("false");
        assertThat(element(page, "compare-enabled").isSelected()).isFalse();
        assertThat(listenButton(page, "a").isEnabled()).as("listening while compare is off").isFalse();
    }

    /** {@code demo.Tone} at full level that throws while its gain is below -50 dB. */
    private static String failingBelowMinus50Db() {
        return ComparedGenerations.tone(1.0).replace("float gain = ", """
                if (values.get(GAIN) < -50) {
                            throw new IllegalStateException("too quiet");
                        }
                        float gain = \
                """);
    }

    private void open(HeadlessChromium page) {
        page.open(generations.url());
        page.await("the compare switch enabled", d -> d.findElement(By.id("compare-enabled")).isEnabled());
    }

    /**
     * The pixels of the spectrum canvas in the amber of A's trace (#fbbf24 dark, #b45309 light), mostly
     * opaque (drawn at 0.85, antialiased); the teal, violet and grey of the others are not.
     */
    private static long amberPixels(HeadlessChromium page) {
        return ((Number) page.script("""
                const c = document.getElementById('spectrum');
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 0; i < px.length; i += 4) {
                  if (px[i + 3] > 100 && px[i] > 150 && px[i] - px[i + 1] > 50 && px[i + 2] < 90) n++;
                }
                return n;""")).longValue();
    }

    private static void listenTo(HeadlessChromium page, String listening) {
        listenButton(page, listening).click();
        assertThat(listenButton(page, listening).getAttribute("aria-checked")).as("shown at once").isEqualTo("true");
    }

    /** The meter's RMS in dBFS once it is within {@link #SAME_LEVEL_DB} of the level the panel shows, else null. */
    private static Double meterMatches(HeadlessChromium page, String levelId) {
        double meter = 20 * Math.log10(Math.max(1e-10, meterRms(page)));
        return Math.abs(meter - levelDb(page, levelId)) < SAME_LEVEL_DB ? meter : null;
    }

    private static double meterRms(HeadlessChromium page) {
        String rms = attribute(page, "meter-l", "data-rms");
        return rms == null || rms.isEmpty() ? -1 : Double.parseDouble(rms);
    }

    /** A level of the panel in dBFS ("-9.0 dBFS"); -200 for silence or none. */
    private static double levelDb(HeadlessChromium page, String id) {
        String text = element(page, id).getText();
        return text.endsWith(" dBFS") ? Double.parseDouble(text.substring(0, text.length() - 5)) : -200;
    }

    private static WebElement listenButton(HeadlessChromium page, String listening) {
        return page.driver().findElement(By.cssSelector("#compare-listening [data-listening=" + listening + "]"));
    }

    private static WebElement element(HeadlessChromium page, String id) {
        return page.driver().findElement(By.id(id));
    }

    private static String attribute(HeadlessChromium page, String id, String name) {
        return element(page, id).getAttribute(name);
    }
}
