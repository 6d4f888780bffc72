package dev.wavecraft.devserver.chain;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain example compiled from its real sources and served: its parameters, getChain and each stage's meter. */
class ChainExampleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** -12 dB as a linear ratio. */
    private static final double MINUS_12_DB = Math.pow(10, -12 / 20.0);

    @TempDir
    Path project;

    private DevServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listsEachStagesParametersUnderItsIdAndGroupedByTheStageInChainOrder() {
        start("chain");
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            JsonArray parameters = browser.call("getAllParameters", null).getAsJsonObject("result")
                    .getAsJsonArray("parameters");

            assertThat(members(parameters, "id")).containsExactly("input_gain", "input_bypass", "filter_cutoff",
                    "filter_resonance", "filter_bypass", "output_gain", "output_bypass");
            assertThat(members(parameters, "group")).containsExactly("Input Gain", "Input Gain", "Filter", "Filter",
                    "Filter", "Output Gain", "Output Gain");
            assertThat(members(parameters, "type")).containsExactly("float", "bool", "float", "float", "bool",
                    "float", "bool");
        }
    }

    @Test
    void getChainListsTheStagesInOrderWithTheirNamesAndParameterIds() {
        start("chain");
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            JsonArray stages = browser.call("getChain", null).getAsJsonObject("result").getAsJsonArray("stages");

            assertThat(members(stages, "id")).containsExactly("input", "filter", "output");
            assertThat(members(stages, "name")).containsExactly("Input Gain", "Filter", "Output Gain");
            assertThat(stages.get(1).getAsJsonObject().keySet()).containsExactlyInAnyOrder("id", "name", "parameters");
            assertThat(strings(stages.get(0).getAsJsonObject().getAsJsonArray("parameters")))
                    .containsExactly("input_gain", "input_bypass");
            assertThat(strings(stages.get(1).getAsJsonObject().getAsJsonArray("parameters")))
                    .containsExactly("filter_cutoff", "filter_resonance", "filter_bypass");
            assertThat(strings(stages.get(2).getAsJsonObject().getAsJsonArray("parameters")))
                    .containsExactly("output_gain", "output_bypass");
        }
    }

    @Test
    void showsAProcessorThatIsNotAChainAsOneStageNamedAfterItsClassAndMetersNoStages() {
        start("gain");
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            JsonArray stages = browser.call("getChain", null).getAsJsonObject("result").getAsJsonArray("stages");

            assertThat(stages).hasSize(1);
            JsonObject only = stages.get(0).getAsJsonObject();
            assertThat(only.get("id").getAsString()).isEqualTo("gainProcessor");
            assertThat(only.get("name").getAsString()).isEqualTo("Gain Processor");
            assertThat(strings(only.getAsJsonArray("parameters"))).containsExactly("drive", "curve", "gain", "bypass");
            JsonObject frame = meterFrameWhere(browser, any -> true);
            assertThat(frame.has("stages")).isFalse();
        }
    }

    @Test
    void metersEachStageSoAGainStageShowsItsCutAndABypassedStageShowsNone() {
        start("chain");
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            browser.call("setParameter", valueParams("output_gain", -12));

            JsonObject cut = meterFrameWhere(browser, frame -> near(outputOverFilter(frame), MINUS_12_DB));
            assertThat(stageIds(cut)).containsExactly("input", "filter", "output");
            assertThat(stage(cut, "output").keySet()).containsExactlyInAnyOrder("id", "peak_l", "peak_r", "rms_l",
                    "rms_r");
            assertThat(stage(cut, "filter").get("rms_l").getAsDouble()).as("the tone through the filter").isPositive();
            assertThat(stage(cut, "output").get("peak_r").getAsDouble() / stage(cut, "filter").get("peak_r").getAsDouble())
                    .isCloseTo(MINUS_12_DB, within(0.02));

            browser.call("setParameter", valueParams("output_bypass", 1));

            JsonObject bypassed = meterFrameWhere(browser, frame -> near(outputOverFilter(frame), 1));
            assertThat(stage(bypassed, "output").get("peak_l").getAsDouble())
                    .isEqualTo(stage(bypassed, "filter").get("peak_l").getAsDouble());
            assertThat(bypassed.get("rms_l").getAsDouble()).as("what is heard is the last stage's output")
                    .isCloseTo(stage(bypassed, "output").get("rms_l").getAsDouble(),
                            within(0.01));
        }
    }

    private void start(String example) {
        Path classpathFile = CompiledProject.example(example, project).classpathFile();
        try {
            server = DevServer.start(new DevServerOptions(classpathFile)
                    .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()))
                    .withAudio(new AudioOptions(512, InputSpec.tone(1000, 0.5), false, 0)), "secret", () -> { });
        } catch (Exception e) {
            throw new AssertionError("The dev server did not start on examples/" + example, e);
        }
    }

    /** The latest meter frame once {@code wanted} holds for it (with stages, when it needs them). */
    static JsonObject meterFrameWhere(RpcTestClient browser, Predicate<JsonObject> wanted) {
        JsonElement frame = waitFor("a meter frame as wanted", WAIT)
                .until(() -> browser.call("getMeterFrame", null).getAsJsonObject("result").get("frame"),
                        value -> value.isJsonObject() && wanted.test(value.getAsJsonObject()));
        return frame.getAsJsonObject();
    }

    static JsonObject stage(JsonObject frame, String id) {
        for (JsonElement stage : frame.getAsJsonArray("stages")) {
            if (stage.getAsJsonObject().get("id").getAsString().equals(id)) {
                return stage.getAsJsonObject();
            }
        }
        throw new AssertionError("No stage '" + id + "' in the meter frame " + frame);
    }

    private static List<String> stageIds(JsonObject frame) {
        return members(frame.getAsJsonArray("stages"), "id");
    }

    /** The output stage's RMS over the filter stage's, or NaN while the frame has no stages. */
    private static double outputOverFilter(JsonObject frame) {
        if (!frame.has("stages")) {
            return Double.NaN;
        }
        return stage(frame, "output").get("rms_l").getAsDouble() / stage(frame, "filter").get("rms_l").getAsDouble();
    }

    private static boolean near(double ratio, double expected) {
        return Math.abs(ratio - expected) < 0.01;
    }

    static List<String> members(JsonArray objects, String member) {
        List<String> values = new ArrayList<>();
        objects.forEach(object -> values.add(object.getAsJsonObject().get(member).getAsString()));
        return values;
    }

    static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.getAsString()));
        return values;
    }
}
