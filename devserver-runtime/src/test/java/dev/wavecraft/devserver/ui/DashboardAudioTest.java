package dev.wavecraft.devserver.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import dev.wavecraft.devserver.testing.HeadlessChromium;
import dev.wavecraft.protocol.json.Json;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The audio panel against servers that lack the audio methods, answer them with nulls, or send
 * frames. A page must show "no audio" quietly, without console errors or a storm of requests.
 */
class DashboardAudioTest {

    /** How long the request rate is measured; the page polls at 20 Hz while it has frames. */
    private static final int WINDOW_MS = 3000;

    @TempDir
    Path profile;

    private StubServer server;
    private HeadlessChromium page;

    @AfterEach
    void stop() {
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
    void showsNoAudioQuietlyAndBacksOffWhenTheServerHasNoAudioMethods() throws Exception {
        server = new StubServer(Map.of());
        open();

        page.await("no audio", d -> "none".equals(d.findElement(By.id("audio-panel")).getAttribute("data-audio")));
        assertThat(page.driver().findElement(By.id("no-audio")).isDisplayed()).isTrue();
        assertThat(page.driver().findElement(By.id("no-audio")).getText()).isEqualToIgnoringCase("No audio");
        page.await("the phase", d -> d.findElement(By.id("audio-message")).getText().equals("This server has no audio engine"));
        assertThat(page.driver().findElement(By.id("audio-phase")).getText()).isEqualTo("No audio");

        long asked = audioCallsWithin(WINDOW_MS);

        assertThat(asked).as("frame requests in %d ms to a server without them", WINDOW_MS).isLessThanOrEqualTo(2);
        assertThat(page.severeConsoleMessages()).isEmpty();

        // A pushed meter frame still shows, without any method.
        server.broadcast("meterFrame", Json.parseStrict(
                "{\"peak_l\": 0.1, \"peak_r\": 0.5, \"rms_l\": 0.05, \"rms_r\": 0.2, \"timestamp\": 1}"));
        page.await("the pushed frame", d -> d.findElement(By.cssSelector("#meter-l .meter-db")).getText().equals("-20.0 dB"));
        page.await("the panel live", d -> "live".equals(d.findElement(By.id("audio-panel")).getAttribute("data-audio")));
    }

    @Test
    void showsNoAudioAndPollsGentlyWhileTheFramesAreNull() throws Exception {
        server = new StubServer(Map.of(
                "getMeterFrame", json("{\"frame\": null}"),
                "getOscilloscopeFrame", json("{\"frame\": null}"),
                "getAudioStatus", json("{\"status\": null}")));
        open();

        page.await("no audio", d -> "none".equals(d.findElement(By.id("audio-panel")).getAttribute("data-audio"))
                && server.calls("getMeterFrame") > 0);
        assertThat(page.driver().findElement(By.id("no-audio")).isDisplayed()).isTrue();
        assertThat(page.driver().findElement(By.id("audio-phase")).getText()).isEqualTo("No audio");
        int before = server.calls("getMeterFrame");

        audioCallsWithin(WINDOW_MS);

        int during = server.calls("getMeterFrame") - before;
        assertThat(during).as("meter requests in %d ms while there is no audio", WINDOW_MS).isBetween(2, 10);
        assertThat(server.calls("getAudioStatus")).isEqualTo(1);
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    @Test
    void drawsMetersTheOscilloscopeAndTheStatusFromTheServersFrames() throws Exception {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 1024; i++) {
            points.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", 0.8 * Math.sin(i * 2 * Math.PI / 256)));
        }
        server = new StubServer(Map.of(
                "getMeterFrame", json("{\"frame\": {\"peak_l\": 0.5, \"peak_r\": 1.0, \"rms_l\": 0.25, \"rms_r\": 0.1,"
                        + " \"timestamp\": 1}}"),
                "getOscilloscopeFrame", json("{\"frame\": {\"points_l\": [" + points + "], \"points_r\": [" + points + "],"
                        + " \"sample_rate\": 48000, \"timestamp\": 1, \"no_signal\": false,"
                        + " \"trigger_mode\": \"risingZeroCrossing\"}}"),
                "getAudioStatus", json("{\"status\": {\"phase\": \"degraded\", \"diagnostic\": {\"code\": \"noOutputDevice\","
                        + " \"message\": \"No output device was found\", \"hint\": \"Plug in headphones\"},"
                        + " \"sample_rate\": 48000, \"buffer_size\": 256, \"updated_at_ms\": 1}}")));
        open();

        page.await("audio", d -> "live".equals(d.findElement(By.id("audio-panel")).getAttribute("data-audio")));
        assertThat(page.driver().findElement(By.id("no-audio")).isDisplayed()).isFalse();
        page.await("the phase", d -> d.findElement(By.id("audio-phase")).getText().equals("Degraded"));
        assertThat(page.driver().findElement(By.id("audio-message")).getText()).isEqualTo("No output device was found");
        assertThat(page.driver().findElement(By.id("audio-hint")).getText()).contains("Plug in headphones");
        assertThat(page.driver().findElement(By.id("audio-format")).getText()).isEqualTo("48.0 kHz · 256 frames");
        page.await("the meters", d -> d.findElement(By.cssSelector("#meter-l .meter-db")).getText().equals("-6.0 dB"));
        assertThat(page.driver().findElement(By.cssSelector("#meter-r .meter-db")).getText()).isEqualTo("0.0 dB");
        assertThat(page.driver().findElement(By.id("meter-r")).getAttribute("data-clip")).isEqualTo("true");
        page.await("a trace on the oscilloscope", d -> ((Number) page.script("""
                const c = document.getElementById('scope');
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let lit = 0;
                for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 200 && px[i + 1] > 150) lit++;
                return lit;""")).intValue() > 200);

        server.broadcast("audioStatusChanged", json("{\"phase\": \"runningFullDuplex\", \"sample_rate\": 48000,"
                + " \"updated_at_ms\": 2}"));
        page.await("the pushed phase", d -> d.findElement(By.id("audio-phase")).getText().equals("Running"));
        assertThat(page.driver().findElement(By.id("audio-message")).isDisplayed()).isFalse();
        assertThat(page.severeConsoleMessages()).isEmpty();
    }

    private void open() {
        page = HeadlessChromium.start(profile);
        page.open(server.url());
        page.await("the connection", d -> "connected".equals(
                d.findElement(By.id("connection-state")).getAttribute("data-state")));
    }

    /** Counts the page's frame requests over {@code ms} (a measurement window, not a wait), in the page itself. */
    private long audioCallsWithin(int ms) {
        return ((Number) page.asyncScript("""
                const done = arguments[arguments.length - 1];
                const client = window.wavecraft.client;
                const call = client.call;
                let n = 0;
                client.call = function (method, params) {
                  if (method === 'getMeterFrame' || method === 'getOscilloscopeFrame') n++;
                  return call.call(this, method, params);
                };
                setTimeout(() => { client.call = call; done(n); }, arguments[0]);""", ms)).longValue();
    }

    private static JsonElement json(String text) {
        return Json.parseStrict(text);
    }
}
