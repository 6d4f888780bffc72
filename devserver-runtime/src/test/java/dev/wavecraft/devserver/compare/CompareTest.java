package dev.wavecraft.devserver.compare;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wavecraft.devserver.testing.RpcTestClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A/B compare against a real server playing a 1 kHz tone, with real generations compiled and
 * reloaded through the control channel: one at full level, one that halves it.
 */
class CompareTest {

    private static final Duration WAIT = ComparedGenerations.WAIT;
    /** Long blocks (43 ms) leave room for a busy test machine. */
    private static final int BLOCK_SIZE = 2048;
    private static final double HALF_DB = 20 * Math.log10(0.5);
    /** Long enough after a switch for the fade and a whole meter window to have passed. */
    private static final long SETTLE_MS = 200;

    @TempDir
    Path project;

    private ComparedGenerations generations;

    @AfterEach
    void stop() throws IOException {
        if (generations != null) {
            generations.close();
        }
    }

    @Test
    void listeningToAAndToBGivesMeterLevelsSixDecibelsApart() throws Exception {
        start(1.0);
        reload(0.5);
        try (RpcTestClient browser = RpcTestClient.connect(port())) {
            JsonObject on = set(browser, "{\"enabled\":true}");
            assertThat(on.get("a").getAsInt()).isEqualTo(1);
            assertThat(on.get("b").getAsInt()).isEqualTo(2);
            awaitA(browser, 1);

            double heardA = meterRmsDb(browser, "a");
            double heardB = meterRmsDb(browser, "b");

            assertThat(heardA - heardB).isCloseTo(-HALF_DB, within(0.2));
            JsonObject levels = get(browser).getAsJsonObject("levels");
            assertThat(levels.get("a_rms_db").getAsDouble() - levels.get("b_rms_db").getAsDouble())
                    .isCloseTo(-HALF_DB, within(0.2));
            assertThat(levels.get("identical").getAsBoolean()).isFalse();
            // The difference of 0.5 and 0.25 peaks at 0.25.
            assertThat(levels.get("diff_peak_db").getAsDouble()).isCloseTo(20 * Math.log10(0.25), within(0.2));
        }
    }

    @Test
    void theNullTestOfAnUnchangedGenerationIsIdenticalAndAChangedOneIsNotWhileAStaysWhereItWas() throws Exception {
        start(1.0);
        reload(1.0);
        try (RpcTestClient browser = RpcTestClient.connect(port())) {
            set(browser, "{\"enabled\":true,\"listening\":\"diff\"}");

            JsonObject same = waitFor("identical", WAIT).until(() -> get(browser),
                    view -> view.getAsJsonObject("levels").get("identical").getAsBoolean());
            assertThat(same.getAsJsonObject("levels").get("diff_peak_db").getAsDouble()).isLessThan(-120);
            assertThat(meterRmsDb(browser, "diff")).as("the difference heard").isLessThan(-120);

            reload(0.5);

            // B moves to the new generation once the audio thread has faded it in.
            waitFor("the changed generation measured as B", WAIT).until(() -> get(browser).getAsJsonObject("levels"),
                    levels -> Math.abs(levels.get("diff_peak_db").getAsDouble() - 20 * Math.log10(0.25)) < 0.2);
            long changedAt = System.currentTimeMillis();
            List<JsonObject> seen = new ArrayList<>();
            waitFor("two and a half seconds of readings of the changed generation", WAIT).until(() -> {
                seen.add(get(browser));
                return System.currentTimeMillis() - changedAt > 2_500;
            });
            assertThat(seen).allSatisfy(view -> {
                assertThat(view.get("a").getAsInt()).isEqualTo(1);
                assertThat(view.getAsJsonObject("levels").get("identical").getAsBoolean()).isFalse();
            });
            assertThat(seen).allSatisfy(view -> assertThat(view.get("b").getAsInt()).isEqualTo(3));
        }
    }

    @Test
    void matchLoudnessBringsTheTwoWithinHalfADecibel() throws Exception {
        start(1.0);
        reload(0.5);
        try (RpcTestClient browser = RpcTestClient.connect(port())) {
            set(browser, "{\"enabled\":true}");
            awaitA(browser, 1);

            JsonObject reply = set(browser, "{\"matchLoudness\":true,\"listening\":\"a\"}");

            assertThat(reply.get("matchLoudness").getAsBoolean()).isTrue();
            // Both measured (a level, not silence) and A scaled: levels of A before it played are no match.
            JsonObject matched = waitFor("A scaled to B, the levels within 0.5 dB", WAIT)
                    .until(() -> get(browser).getAsJsonObject("levels"), levels -> levels.get("b_rms_db")
                            .getAsDouble() > -60 && Math.abs(levels.get("match_gain_db").getAsDouble() - HALF_DB) < 0.5
                            && Math.abs(levels.get("a_rms_db").getAsDouble() - levels.get("b_rms_db").getAsDouble())
                                    < 0.5);
            assertThat(matched.get("match_gain_db").getAsDouble()).isCloseTo(HALF_DB, within(0.5));
            assertThat(meterRmsDb(browser, "a") - meterRmsDb(browser, "b")).isCloseTo(0, within(0.5));
        }
    }

    @Test
    void switchingBetweenAAndBAndTheDifferenceDropsNoBlock() throws Exception {
        start(1.0);
        reload(0.5);
        try (RpcTestClient browser = RpcTestClient.connect(port())) {
            set(browser, "{\"enabled\":true}");
            awaitA(browser, 1);
            JsonObject before = status(browser);
            String[] modes = {"a", "diff", "b"};

            for (int i = 0; i < 30; i++) {
                set(browser, "{\"listening\":\"" + modes[i % modes.length] + "\"}");
                long blocks = status(browser).get("blocks_processed").getAsLong();
                waitFor("two blocks after switch " + i, WAIT).until(() -> status(browser),
                        status -> status.get("blocks_processed").getAsLong() >= blocks + 2);
            }

            JsonObject after = status(browser);
            System.out.printf("30 switches: %s%n", after);
            assertThat(after.get("blocks_processed").getAsLong() - before.get("blocks_processed").getAsLong())
                    .isGreaterThanOrEqualTo(60);
            assertThat(after.get("dropped_blocks").getAsLong() - before.get("dropped_blocks").getAsLong())
                    .as("blocks dropped while switching; before %s", before).isZero();
            assertThat(after.get("process_failures").getAsLong()).isZero();
        }
    }

    private void start(double factor) throws Exception {
        generations = ComparedGenerations.start(project, BLOCK_SIZE, ComparedGenerations.tone(factor));
    }

    private void reload(double factor) throws Exception {
        generations.reload(ComparedGenerations.tone(factor));
    }

    private int port() {
        return generations.port();
    }

    /** Waits until generation {@code a} runs as A and has been measured. */
    private static void awaitA(RpcTestClient browser, int a) {
        waitFor("generation " + a + " measured as A", WAIT).until(() -> get(browser).getAsJsonObject("levels"),
                levels -> levels.get("a_rms_db").getAsDouble() > -100);
    }

    /** Listens to {@code listening} and returns the meter's RMS of a window that began after the switch. */
    private static double meterRmsDb(RpcTestClient browser, String listening) {
        set(browser, "{\"listening\":\"" + listening + "\"}");
        long switched = System.currentTimeMillis();
        JsonObject frame = waitFor("a meter frame after listening to " + listening, WAIT)
                .until(() -> browser.call("getMeterFrame", null).getAsJsonObject("result").get("frame"),
                        value -> value.isJsonObject()
                                && value.getAsJsonObject().get("timestamp").getAsLong() > switched + SETTLE_MS)
                .getAsJsonObject();
        double rms = frame.get("rms_l").getAsDouble();
        return rms > 0 ? 20 * Math.log10(rms) : -200;
    }

    private static JsonObject set(RpcTestClient browser, String params) {
        JsonObject reply = browser.call("setCompare", JsonParser.parseString(params));
        assertThat(reply.has("result")).as("%s", reply).isTrue();
        return reply.getAsJsonObject("result");
    }

    private static JsonObject get(RpcTestClient browser) {
        return browser.call("getCompare", null).getAsJsonObject("result");
    }

    private static JsonObject status(RpcTestClient browser) {
        return browser.call("getAudioStatus", null).getAsJsonObject("result").getAsJsonObject("status");
    }
}
