package dev.wavecraft.devserver.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.devserver.testing.HeadlessChromiumExtension;
import dev.wavecraft.protocol.json.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The spectrum view and the CPU per block chart: against a real server playing a tone, the
 * spectrum canvas draws its peak where the tone is (read back from the canvas pixels) and follows
 * the tone; against a stub whose processing is near its deadline, the chart warns.
 */
@ExtendWith(HeadlessChromiumExtension.class)
class DashboardWorkbenchTest {

    /** A semitone either way: a few pixels of the log axis at this window size. */
    private static final double SEMITONE = Math.pow(2, 1 / 12.0);

    @TempDir
    Path project;

    @Test
    void drawsTheSpectrumPeakWhereTheToneIsAndFollowsTheTone(HeadlessChromium page) throws Exception {
        try (SynthServer server = SynthServer.start(project)) {
            server.rpc().call("setInputSource", tone(1000));
            open(page, server.url());

            page.await("the loudest bin near 1 kHz", d -> near(peakHz(d), 1000, 12));
            // The highest point of the left trace; a peak held from what played before falls away within seconds.
            page.await("the trace's highest point within a semitone of 1 kHz", d -> drawnNear(page, 1000));
            assertThat(attribute(page, "spectrum", "data-fft-size")).isEqualTo("4096");
            assertThat(page.driver().findElement(By.id("spectrum-empty")).isDisplayed()).isFalse();

            server.rpc().call("setInputSource", tone(5000));

            page.await("the loudest bin near 5 kHz", d -> near(peakHz(d), 5000, 12));
            page.await("the trace's highest point within a semitone of 5 kHz", d -> drawnNear(page, 5000));

            page.await("the CPU figures", d -> "live".equals(attribute(page, "cpu", "data-state")));
            assertThat(page.driver().findElement(By.id("cpu-figures")).getText())
                    .matches("p50 \\d+% · p99 \\d+% · max \\d+%");
            assertThat(attribute(page, "cpu", "data-warning")).isEqualTo("false");
            assertThat(page.driver().findElement(By.id("cpu-warning")).isDisplayed()).isFalse();
            assertThat(page.driver().findElement(By.cssSelector("#cpu-chart .cpu-p99")).getAttribute("data-points"))
                    .isNotEqualTo("0");
            assertThat(page.severeConsoleMessages()).isEmpty();
        }
    }

    @Test
    void warnsWhenProcessingTakesMoreThanSeventyPercentOfTheBlockPeriodAtP99(HeadlessChromium page) throws Exception {
        StubServer server = new StubServer(Map.of("getAudioStatus", Json.parseStrict("""
                {"status": {"phase": "runningInputOnly", "sample_rate": 48000, "buffer_size": 512, "updated_at_ms": 1,
                 "cpu": {"b": {"p50": 0.4, "p99": 0.85, "max": 1.2}, "a": {"p50": 0.2, "p99": 0.3, "max": 0.35},
                         "blocks": 282, "window_ms": 3008, "warn_above": 0.7}}}""")));
        try (server) {
            open(page, server.url());

            page.await("the warning", d -> d.findElement(By.id("cpu-warning")).isDisplayed());
            assertThat(page.driver().findElement(By.id("cpu-warning")).getText())
                    .isEqualTo("process() takes 85% of the block period at p99 (above 70%): little room is left before"
                            + " blocks come late.");
            assertThat(page.driver().findElement(By.id("cpu-figures")).getText())
                    .isEqualTo("B p50 40% · p99 85% · max 120%; A p50 20% · p99 30% · max 35%");
            assertThat(attribute(page, "cpu", "data-warning")).isEqualTo("true");
            page.await("the status polled for the chart", d -> server.calls("getAudioStatus") >= 3);
            // No getSpectrumFrame on this server: the view says so quietly.
            assertThat(page.driver().findElement(By.id("spectrum-empty")).getText()).isEqualToIgnoringCase("No spectrum");
            assertThat(page.severeConsoleMessages()).isEmpty();
        }
    }

    private static void open(HeadlessChromium page, String url) {
        page.open(url);
        page.await("the connection", d -> "connected".equals(
                d.findElement(By.id("connection-state")).getAttribute("data-state")));
    }

    /** The frequency of the topmost pixels of the left channel's trace, from the axis the canvas states. */
    private static double drawnPeakHz(HeadlessChromium page) {
        Number x = (Number) page.script("""
                const c = document.getElementById('spectrum');
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                const teal = (i) => px[i + 3] > 200 && px[i] < 120 && px[i + 1] > 150 && px[i + 2] > 130;
                for (let y = 0; y < c.height; y++) {
                  let sum = 0, n = 0;
                  for (let x = 0; x < c.width; x++) if (teal((y * c.width + x) * 4)) { sum += x; n++; }
                  if (n > 0) return (sum / n + 0.5) / c.width;
                }
                return -1;""");
        assertThat(x.doubleValue()).as("a drawn trace").isPositive();
        double min = Double.parseDouble(attribute(page, "spectrum", "data-min-hz"));
        double max = Double.parseDouble(attribute(page, "spectrum", "data-max-hz"));
        return min * Math.pow(max / min, x.doubleValue());
    }

    private static boolean drawnNear(HeadlessChromium page, double hz) {
        double drawn = drawnPeakHz(page);
        return drawn >= hz / SEMITONE && drawn <= hz * SEMITONE;
    }

    private static double peakHz(WebDriver driver) {
        String value = driver.findElement(By.id("spectrum")).getAttribute("data-peak-hz");
        return value == null || value.isEmpty() ? 0 : Double.parseDouble(value);
    }

    private static boolean near(double hz, double expected, double tolerance) {
        return Math.abs(hz - expected) <= tolerance;
    }

    private static String attribute(HeadlessChromium page, String id, String name) {
        return page.driver().findElement(By.id(id)).getAttribute(name);
    }

    private static JsonObject tone(double hz) {
        JsonObject params = new JsonObject();
        params.addProperty("kind", "tone");
        params.addProperty("frequency", hz);
        params.addProperty("level", 0.5);
        return params;
    }
}
