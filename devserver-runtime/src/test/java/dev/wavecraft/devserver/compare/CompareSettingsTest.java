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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** setCompare's checks and notifications, A's parameter values, and compare turning itself off. */
class CompareSettingsTest {

    private static final Duration WAIT = ComparedGenerations.WAIT;
    private static final int BLOCK_SIZE = 2048;

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
    void refusesWhatItCannotDoWithInvalidParamsAndChangesNothing() throws Exception {
        generations = ComparedGenerations.start(project, BLOCK_SIZE, ComparedGenerations.tone(1.0));
        generations.reload(ComparedGenerations.tone(0.5));
        try (RpcTestClient browser = RpcTestClient.connect(generations.port())) {
            JsonObject before = browser.call("getCompare", null).getAsJsonObject("result");
            assertThat(before.get("enabled").getAsBoolean()).isFalse();
            assertThat(before.get("a").getAsInt()).as("the previous generation by default").isEqualTo(1);
            assertThat(before.get("b").getAsInt()).isEqualTo(2);
            assertThat(before.get("listening").getAsString()).isEqualTo("b");
            assertThat(before.getAsJsonObject("levels").keySet()).contains("a_rms_db", "b_rms_db", "diff_peak_db",
                    "diff_rms_db", "identical");
            assertThat(before.getAsJsonObject("cpu").keySet()).containsExactlyInAnyOrder("a", "b");

            assertInvalid(browser, "{\"enabled\":true,\"a\":7}",
                    "generation 7 is not kept; compare can use 2 (live) and [1]");
            assertInvalid(browser, "{\"a\":1.5}", "'a' must be a generation number");
            assertInvalid(browser, "{\"listening\":\"both\"}",
                    "'listening' must be \"a\", \"b\" or \"diff\", not \"both\"");
            assertInvalid(browser, "{\"enabled\":\"yes\"}", "'enabled' must be true or false");
            assertInvalid(browser, "{\"volume\":1}", "'volume' is not a compare setting; setCompare takes enabled, a,"
                    + " listening, matchLoudness");
            assertInvalid(browser, "[true]", "expected an object");

            JsonObject after = browser.call("getCompare", null).getAsJsonObject("result");
            assertThat(after.get("enabled").getAsBoolean()).isFalse();
            assertThat(after.get("a").getAsInt()).isEqualTo(1);
            assertThat(after.get("listening").getAsString()).isEqualTo("b");
        }
    }

    @Test
    void tellsTheOtherClientsOfAChangeButNotTheOneThatMadeIt() throws Exception {
        generations = ComparedGenerations.start(project, BLOCK_SIZE, ComparedGenerations.tone(1.0));
        try (RpcTestClient setter = RpcTestClient.connect(generations.port());
                RpcTestClient watcher = RpcTestClient.connect(generations.port())) {
            watcher.call("ping", null);

            JsonObject reply = setter.call("setCompare",
                    JsonParser.parseString("{\"enabled\":true,\"listening\":\"diff\"}")).getAsJsonObject("result");

            assertThat(reply.get("a").getAsInt()).as("the live one while nothing is kept").isEqualTo(1);
            JsonObject heard = watcher.notification("compareChanged").getAsJsonObject("params");
            assertThat(heard.get("enabled").getAsBoolean()).isTrue();
            assertThat(heard.get("listening").getAsString()).isEqualTo("diff");
            assertThat(setter.call("ping", null).has("result")).isTrue();
            assertThat(setter.notificationOrNull("compareChanged", Duration.ofMillis(200))).isNull();
            watcher.drain();
            setter.call("setCompare", JsonParser.parseString("{\"listening\":\"diff\"}"));
            assertThat(watcher.notificationOrNull("compareChanged", Duration.ofMillis(200)))
                    .as("nothing changed, so nothing is sent").isNull();
        }
    }

    @Test
    void aTakesTheLiveValuesByIdAndKeepsItsOwnForAParameterOnlyItHas() throws Exception {
        generations = ComparedGenerations.start(project, BLOCK_SIZE, """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Tone implements Processor {
                    static final FloatParameter GAIN = FloatParameter.of("gain", "Gain", -60, 12, 0);
                    static final FloatParameter TRIM = FloatParameter.of("trim", "Trim", -12, 0, -6);
                    public List<Parameter> parameters() {
                        return List.of(GAIN, TRIM);
                    }
                    public void process(AudioBlock block, ParameterValues values) {
                        float gain = (float) Math.pow(10, (values.get(GAIN) + values.get(TRIM)) / 20);
                        for (int c = 0; c < block.channelCount(); c++) {
                            float[] samples = block.channel(c);
                            for (int i = 0; i < block.frames(); i++) {
                                samples[i] *= gain;
                            }
                        }
                    }
                }
                """);
        generations.reload(ComparedGenerations.tone(1.0));
        try (RpcTestClient browser = RpcTestClient.connect(generations.port())) {
            browser.call("setCompare", JsonParser.parseString("{\"enabled\":true}"));

            browser.call("setParameter", RpcTestClient.valueParams("gain", -10));

            // The tone at 0.5 is -9.03 dBFS RMS; A has the same gain and its own trim of -6 dB.
            JsonObject levels = waitFor("A and B at the new gain", WAIT)
                    .until(() -> browser.call("getCompare", null).getAsJsonObject("result").getAsJsonObject("levels"),
                            reading -> Math.abs(reading.get("b_rms_db").getAsDouble() + 19.03) < 0.1
                                    && Math.abs(reading.get("a_rms_db").getAsDouble() + 25.03) < 0.3);
            assertThat(levels.get("a_rms_db").getAsDouble()).isCloseTo(-25.03, within(0.3));
        }
    }

    @Test
    void turnsItselfOffAndSaysWhyWhenTheTwoProcessCallsWouldMissDeadlines() throws Exception {
        // Once busy, each process() takes half the 43 ms block period: B alone keeps up, A and B together cannot.
        // Not busy by default, so the warm-ups (which run at the defaults) stay quick.
        String slow = """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Tone implements Processor {
                    static final BoolParameter BUSY = BoolParameter.of("busy", "Busy", false);
                    public List<Parameter> parameters() {
                        return List.of(BUSY);
                    }
                    public void process(AudioBlock block, ParameterValues values) {
                        long end = System.nanoTime() + (values.get(BUSY) ? 21_300_000L : 0);
                        while (System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                    }
                }
                """;
        generations = ComparedGenerations.start(project, BLOCK_SIZE, slow);
        generations.reload(slow);
        try (RpcTestClient setter = RpcTestClient.connect(generations.port());
                RpcTestClient watcher = RpcTestClient.connect(generations.port())) {
            setter.call("setParameter", RpcTestClient.valueParams("busy", 1));
            setter.call("setCompare", JsonParser.parseString("{\"enabled\":true}"));

            JsonObject off = waitFor("compare switched off", WAIT)
                    .until(() -> watcher.notification("compareChanged", WAIT).getAsJsonObject("params"),
                            view -> !view.get("enabled").getAsBoolean());

            assertThat(off.get("stoppedBecause").getAsString()).contains("Compare runs process() twice per block",
                    "more than the 80%", "-Dwavecraft.blockSize=4096");
            JsonObject now = setter.call("getCompare", null).getAsJsonObject("result");
            assertThat(now.get("enabled").getAsBoolean()).isFalse();
            assertThat(now.get("stoppedBecause").getAsString()).isEqualTo(off.get("stoppedBecause").getAsString());
            assertThat(setter.call("setCompare", JsonParser.parseString("{\"listening\":\"a\"}"))
                    .getAsJsonObject("result").has("stoppedBecause")).as("kept until compare is on again").isTrue();
        }
    }

    private static void assertInvalid(RpcTestClient browser, String params, String message) {
        JsonObject error = browser.call("setCompare", JsonParser.parseString(params)).getAsJsonObject("error");
        assertThat(error).as("the reply to %s", params).isNotNull();
        assertThat(error.get("code").getAsInt()).isEqualTo(-32602);
        assertThat(error.get("message").getAsString()).contains(message);
    }
}
