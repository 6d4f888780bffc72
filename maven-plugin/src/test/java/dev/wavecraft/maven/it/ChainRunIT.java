package dev.wavecraft.maven.it;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Wavecraft's own first hot-reload scenario on a real {@code wavecraft:run} of a copy of
 * {@code examples/chain}: add a stage to the chain and save, and its parameters appear while those of
 * the other stages keep their values; take one out, and the terminal names it.
 */
class ChainRunIT {

    private static final Duration BUILD_WAIT = Duration.ofSeconds(90);
    private static final String CHAIN = "src/main/java/com/example/chain/TemplateChain.java";

    @RegisterExtension
    static final WavecraftRunExtension RUN = WavecraftRunExtension.onExample("chain");

    @Test
    void addingAStageKeepsTheOtherStagesValuesAndTakingOneOutNamesIt() {
        RpcTestClient browser = RUN.browser();
        assertThat(stageIds(browser)).containsExactly("input", "filter", "output");
        browser.call("setParameter", valueParams("filter_cutoff", 500));
        browser.call("setParameter", valueParams("output_gain", -9));
        browser.drain();

        RUN.project().save(CHAIN, chain("stage(\"input\", new InputGain()), stage(\"filter\", new Filter()),"
                + " stage(\"drive\", new Drive()), stage(\"output\", new OutputGain())"));

        JsonObject added = browser.notification("reloadCompleted", BUILD_WAIT).getAsJsonObject("params");
        assertThat(strings(added.getAsJsonArray("stagesAdded"))).containsExactly("drive");
        assertThat(stageIds(browser)).containsExactly("input", "filter", "drive", "output");
        assertThat(browser.parameterIds()).containsExactly("input_gain", "input_bypass", "filter_cutoff",
                "filter_resonance", "filter_bypass", "drive_amount", "drive_bypass", "output_gain", "output_bypass");
        assertThat(browser.valueOf("filter_cutoff")).isEqualTo(500);
        assertThat(browser.valueOf("output_gain")).isEqualTo(-9);
        assertThat(browser.valueOf("drive_amount")).as("a new stage starts at its defaults").isEqualTo(6);
        RUN.maven().awaitLine("stages added: drive", BUILD_WAIT);

        RUN.project().save(CHAIN, chain("stage(\"input\", new InputGain()), stage(\"drive\", new Drive()),"
                + " stage(\"output\", new OutputGain())"));

        JsonObject removed = browser.notification("reloadCompleted", BUILD_WAIT).getAsJsonObject("params");
        assertThat(strings(removed.getAsJsonArray("stagesRemoved"))).containsExactly("filter");
        assertThat(stageIds(browser)).containsExactly("input", "drive", "output");
        assertThat(browser.valueOf("output_gain")).isEqualTo(-9);
        RUN.maven().awaitLine("removed: filter", BUILD_WAIT);
    }

    /** The example's chain with these stages, and a drive stage of its own to add. */
    private static String chain(String stages) {
        return """
                package com.example.chain;

                import dev.wavecraft.api.AudioBlock;
                import dev.wavecraft.api.Chain;
                import dev.wavecraft.api.FloatParameter;
                import dev.wavecraft.api.Parameter;
                import dev.wavecraft.api.ParameterValues;
                import dev.wavecraft.api.Processor;
                import java.util.List;

                public final class TemplateChain extends Chain {

                    public TemplateChain() {
                        super(%s);
                    }

                    static final class Drive implements Processor {
                        static final FloatParameter AMOUNT = FloatParameter.of("amount", "Amount", 0, 24, 6).withUnit("dB");

                        @Override
                        public List<Parameter> parameters() {
                            return List.of(AMOUNT);
                        }

                        @Override
                        public void process(AudioBlock block, ParameterValues values) {
                            float drive = (float) Math.pow(10, values.get(AMOUNT) / 20);
                            for (int c = 0; c < block.channelCount(); c++) {
                                float[] samples = block.channel(c);
                                for (int i = 0; i < block.frames(); i++) {
                                    samples[i] = (float) Math.tanh(samples[i] * drive);
                                }
                            }
                        }
                    }
                }
                """.formatted(stages);
    }

    private static List<String> stageIds(RpcTestClient browser) {
        List<String> ids = new ArrayList<>();
        for (JsonElement stage : browser.call("getChain", null).getAsJsonObject("result").getAsJsonArray("stages")) {
            ids.add(stage.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.getAsString()));
        return strings;
    }
}
