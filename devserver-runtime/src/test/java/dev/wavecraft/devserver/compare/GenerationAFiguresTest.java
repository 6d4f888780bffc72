package dev.wavecraft.devserver.compare;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wavecraft.devserver.testing.RpcTestClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation A's own figures beside B's while comparing, against a real server playing a 1 kHz
 * tone: its CPU in getAudioStatus ({@code cpu.a}) and its spectrum in getSpectrumFrame
 * ({@code bins_a}). Generation 1 halves the level and is A; generation 2, at full level, is B.
 */
class GenerationAFiguresTest {

    private static final Duration WAIT = ComparedGenerations.WAIT;
    private static final int BLOCK_SIZE = 2048;
    private static final double HALF_DB = 20 * Math.log10(0.5);
    private static final double TONE_HZ = 1000;

    @TempDir
    Path project;

    private ComparedGenerations generations;
    private RpcTestClient browser;

    @BeforeEach
    void start() throws Exception {
        generations = ComparedGenerations.start(project, BLOCK_SIZE, ComparedGenerations.tone(0.5));
        generations.reload(ComparedGenerations.tone(1.0));
        browser = RpcTestClient.connect(generations.port());
    }

    @AfterEach
    void stop() throws IOException {
        browser.close();
        generations.close();
    }

    @Test
    void reportsTheCpuOfABesideBsWhileComparingAndOnlyThen() {
        JsonObject before = waitFor("B's CPU figures", WAIT).until(() -> cpu(), cpu -> cpu.has("b"));
        assertThat(before.has("a")).as("cpu.a with compare off: %s", before).isFalse();

        setCompare("{\"enabled\":true}");

        JsonObject comparing = waitFor("A's CPU figures", WAIT).until(() -> cpu(), cpu -> cpu.has("a"));
        System.out.printf("CPU while comparing: %s%n", comparing);
        assertThat(comparing.getAsJsonObject("a").keySet()).containsExactlyInAnyOrder("p50", "p99", "max");
        assertThat(comparing.getAsJsonObject("a").get("p50").getAsDouble()).isBetween(0.0, 1.0);
        assertThat(comparing.getAsJsonObject("b").keySet()).containsExactlyInAnyOrder("p50", "p99", "max");

        setCompare("{\"enabled\":false}");

        waitFor("cpu.a gone once compare is off", WAIT).until(() -> !cpu().has("a"));
    }

    @Test
    void givesTheSpectrumOfASixDecibelsBelowBsAtTheTonesBinWhileComparing() {
        JsonObject alone = waitFor("a spectrum", WAIT).until(() -> spectrum(), frame -> !frame.isEmpty());
        assertThat(alone.has("bins_a")).as("bins_a with compare off").isFalse();

        setCompare("{\"enabled\":true,\"listening\":\"b\"}");
        long enabledAt = System.currentTimeMillis();

        // A frame whose samples of A all came after A began (the fade and 4096 samples: about 100 ms).
        JsonObject frame = waitFor("bins_a", WAIT).until(() -> spectrum(),
                candidate -> candidate.has("bins_a") && candidate.get("timestamp").getAsLong() > enabledAt + 300);
        int toneBin = (int) Math.round(TONE_HZ * frame.get("fft_size").getAsInt()
                / frame.get("sample_rate").getAsDouble());
        double a = loudestNear(frame.getAsJsonArray("bins_a"), toneBin);
        double b = loudestNear(frame.getAsJsonArray("bins_l"), toneBin);
        System.out.printf("At the tone's bin %d: A %.2f dBFS, B %.2f dBFS%n", toneBin, a, b);
        assertThat(a - b).isCloseTo(HALF_DB, within(0.3));
        assertThat(frame.getAsJsonArray("bins_a").size()).isEqualTo(frame.getAsJsonArray("bins_l").size());

        setCompare("{\"enabled\":false}");

        waitFor("bins_a gone once compare is off", WAIT).until(() -> !spectrum().has("bins_a"));
    }

    /** The loudest of the bins around {@code bin}: the tone falls between bins, so its energy spreads over two. */
    private static double loudestNear(JsonArray bins, int bin) {
        double loudest = Double.NEGATIVE_INFINITY;
        for (int k = bin - 1; k <= bin + 1; k++) {
            loudest = Math.max(loudest, bins.get(k).getAsDouble());
        }
        return loudest;
    }

    private void setCompare(String params) {
        JsonObject reply = browser.call("setCompare", JsonParser.parseString(params));
        assertThat(reply.has("result")).as("%s", reply).isTrue();
    }

    private JsonObject cpu() {
        return browser.call("getAudioStatus", null).getAsJsonObject("result").getAsJsonObject("status")
                .getAsJsonObject("cpu");
    }

    /** The latest frame, or an empty object before the first. */
    private JsonObject spectrum() {
        JsonObject result = browser.call("getSpectrumFrame", null).getAsJsonObject("result");
        return result.get("frame").isJsonObject() ? result.getAsJsonObject("frame") : new JsonObject();
    }
}
