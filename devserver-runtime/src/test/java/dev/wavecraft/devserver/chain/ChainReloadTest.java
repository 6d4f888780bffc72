package dev.wavecraft.devserver.chain;

import static dev.wavecraft.devserver.chain.ChainExampleTest.members;
import static dev.wavecraft.devserver.chain.ChainExampleTest.strings;
import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.wavecraft.api.Chain;
import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.reload.BuildReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves that add, remove and reorder the stages of the chain example, recompiled by javac and
 * reloaded through the real control channel: values and state follow the stage ids.
 */
class ChainReloadTest {

    private static final String SECRET = "a-per-run-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHAIN = "com.example.chain.TemplateChain";
    private static final String DRIVE = """
            package com.example.chain;
            import dev.wavecraft.api.*;
            import java.util.List;
            public final class Drive implements Processor {
                static final FloatParameter DRIVE = FloatParameter.of("drive", "Drive", 0, 24, 3).withUnit("dB");
                public List<Parameter> parameters() { return List.of(DRIVE); }
                public void process(AudioBlock block, ParameterValues values) {
                    float drive = (float) Math.pow(10, values.get(DRIVE) / 20.0);
                    for (int c = 0; c < block.channelCount(); c++) {
                        for (int i = 0; i < block.frames(); i++) {
                            block.channel(c)[i] = (float) Math.tanh(block.channel(c)[i] * drive);
                        }
                    }
                }
            }
            """;
    /** Counts the blocks it processed and hands the count to its successor. */
    private static final String COUNTER = """
            package com.example.chain;
            import dev.wavecraft.api.*;
            import java.util.List;
            import java.util.Map;
            public final class Counter implements Processor {
                private volatile int blocks;
                public List<Parameter> parameters() { return List.of(); }
                public void process(AudioBlock block, ParameterValues values) { blocks++; }
                public void reset() { blocks = 0; }
                public Map<String, Object> saveState() { return Map.of("blocks", blocks); }
                public void restoreState(Map<String, Object> state) { blocks = (Integer) state.get("blocks"); }
            }
            """;

    @TempDir
    Path project;

    private DevServer server;
    private ControlClient control;

    @AfterEach
    void stop() throws IOException {
        if (control != null) {
            control.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void addsAStageAtItsDefaultsKeepsTheValuesSetOnTheOthersAndNamesTheStageAdded() throws Exception {
        start(Map.of());
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            browser.call("setParameter", valueParams("input_gain", 6));
            browser.call("setParameter", valueParams("filter_cutoff", 800));
            browser.call("setParameter", valueParams("output_bypass", 1));

            Reloaded reloaded = reload(Map.of(CHAIN, chain("stage(\"input\", new InputGain()), stage(\"drive\","
                    + " new Drive()), stage(\"filter\", new Filter()), stage(\"output\", new OutputGain())"),
                    "com.example.chain.Drive", DRIVE));

            assertThat(reloaded.ok()).as("reload: %s", reloaded.message()).isTrue();
            assertThat(reloaded.stageChange().added()).containsExactly("drive");
            assertThat(reloaded.stageChange().removed()).isEmpty();
            JsonObject completed = browser.notification("reloadCompleted").getAsJsonObject("params");
            assertThat(strings(completed.getAsJsonArray("stagesAdded"))).containsExactly("drive");
            assertThat(strings(completed.getAsJsonArray("stagesRemoved"))).isEmpty();
            assertThat(strings(completed.getAsJsonArray("added"))).containsExactly("drive_drive", "drive_bypass");
            assertThat(stageIds(browser)).containsExactly("input", "drive", "filter", "output");
            assertThat(browser.valueOf("input_gain")).isEqualTo(6);
            assertThat(browser.valueOf("filter_cutoff")).isEqualTo(800);
            assertThat(browser.valueOf("output_bypass")).isEqualTo(1);
            assertThat(browser.valueOf("drive_drive")).as("the new stage's default").isEqualTo(3);
            assertThat(browser.valueOf("drive_bypass")).isZero();
        }
    }

    @Test
    void removesAStageAndNamesItRemovedKeepingTheOthersValues() throws Exception {
        start(Map.of());
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            browser.call("setParameter", valueParams("output_gain", -9));

            Reloaded reloaded = reload(Map.of(CHAIN, chain("stage(\"input\", new InputGain()),"
                    + " stage(\"output\", new OutputGain())")));

            assertThat(reloaded.stageChange().removed()).containsExactly("filter");
            assertThat(reloaded.stageChange().added()).isEmpty();
            JsonObject completed = browser.notification("reloadCompleted").getAsJsonObject("params");
            assertThat(strings(completed.getAsJsonArray("stagesRemoved"))).containsExactly("filter");
            assertThat(strings(completed.getAsJsonArray("stagesAdded"))).isEmpty();
            assertThat(stageIds(browser)).containsExactly("input", "output");
            assertThat(browser.parameterIds()).containsExactly("input_gain", "input_bypass", "output_gain",
                    "output_bypass");
            assertThat(browser.valueOf("output_gain")).isEqualTo(-9);
        }
    }

    @Test
    void reordersStagesKeepingTheirValuesAndSaysNothingWasAddedOrRemoved() throws Exception {
        start(Map.of());
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            browser.call("setParameter", valueParams("filter_resonance", 0.7));

            Reloaded reloaded = reload(Map.of(CHAIN, chain("stage(\"input\", new InputGain()),"
                    + " stage(\"output\", new OutputGain()), stage(\"filter\", new Filter())")));

            assertThat(reloaded.stageChange().reordered()).isTrue();
            JsonObject completed = browser.notification("reloadCompleted").getAsJsonObject("params");
            assertThat(strings(completed.getAsJsonArray("stagesAdded"))).isEmpty();
            assertThat(strings(completed.getAsJsonArray("stagesRemoved"))).isEmpty();
            assertThat(stageIds(browser)).containsExactly("input", "output", "filter");
            assertThat(browser.valueOf("filter_resonance")).isEqualTo(0.7, within());
        }
    }

    @Test
    void handsEachStagesStateToTheStageWithTheSameIdWhereverItMoved() throws Exception {
        start(Map.of(CHAIN, chain("stage(\"input\", new InputGain()), stage(\"count\", new Counter())"),
                "com.example.chain.Counter", COUNTER));
        int before = waitFor("blocks counted by generation 1", WAIT).until(() -> blocksOf("count"), blocks -> blocks >= 50);

        Reloaded reloaded = reload(Map.of(CHAIN, chain("stage(\"fresh\", new Counter()), stage(\"count\", new Counter()),"
                + " stage(\"input\", new InputGain())")));

        assertThat(reloaded.generation()).isEqualTo(2);
        assertThat(reloaded.stageChange().added()).containsExactly("fresh");
        int kept = blocksOf("count");
        assertThat(kept).as("the moved stage counts on from where generation 1 was").isGreaterThanOrEqualTo(before);
        assertThat(blocksOf("fresh")).as("the new stage starts afresh").isLessThan(kept);
    }

    private void start(Map<String, String> changedSources) throws Exception {
        CompiledProject.example("chain", project, changedSources).classpathFile();
        server = DevServer.start(new DevServerOptions(project.resolve("target/wavecraft/project.classpath"))
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of())), SECRET, () -> { });
        control = ControlClient.connect(server.controlPort(), SECRET, message -> { });
    }

    /** Saves {@code changedSources}, compiles the project again and reloads it. */
    private Reloaded reload(Map<String, String> changedSources) throws Exception {
        CompiledProject.example("chain", project, changedSources);
        return control.reload(new ControlMessages.Reload(0, List.of(project.resolve("target/classes").toString()),
                List.of(), new BuildReport(List.of("src/main/java/com/example/chain/TemplateChain.java"), "change",
                        100, 900)), WAIT);
    }

    /** The blocks the live generation's stage {@code id} counted, read through the api as the server would. */
    private int blocksOf(String id) {
        Chain live = (Chain) server.live().processor().processor();
        return live.stages().stream().filter(stage -> stage.id().equals(id)).findFirst()
                .map(stage -> (Integer) stage.processor().saveState().get("blocks"))
                .orElseThrow(() -> new AssertionError("No stage '" + id + "' in " + live));
    }

    private static List<String> stageIds(RpcTestClient browser) {
        JsonArray stages = browser.call("getChain", null).getAsJsonObject("result").getAsJsonArray("stages");
        return members(stages, "id");
    }

    private static String chain(String stages) {
        return """
                package com.example.chain;
                import dev.wavecraft.api.Chain;
                public final class TemplateChain extends Chain {
                    public TemplateChain() {
                        super(%s);
                    }
                }
                """.formatted(stages);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
