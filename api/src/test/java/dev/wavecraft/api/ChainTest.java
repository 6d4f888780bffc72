package dev.wavecraft.api;

import static dev.wavecraft.api.Chain.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainTest {

    /** Multiplies by its gain and remembers how many blocks it processed. */
    static final class InputGain implements Processor {
        static final FloatParameter GAIN = FloatParameter.of("gain", "Gain", 0, 4, 1).withUnit("x");
        int blocks;

        @Override
        public List<Parameter> parameters() {
            return List.of(GAIN);
        }

        @Override
        public void process(AudioBlock block, ParameterValues values) {
            blocks++;
            float gain = values.get(GAIN);
            for (int c = 0; c < block.channelCount(); c++) {
                for (int i = 0; i < block.frames(); i++) {
                    block.channel(c)[i] *= gain;
                }
            }
        }

        @Override
        public Map<String, Object> saveState() {
            return Map.of("blocks", blocks);
        }

        @Override
        public void restoreState(Map<String, Object> state) {
            blocks = (Integer) state.get("blocks");
        }
    }

    /** Adds its offset; declares its own bypass, so the chain leaves bypassing to it. */
    static final class Offset implements Processor {
        static final FloatParameter AMOUNT = FloatParameter.of("amount", "Amount", -1, 1, 0.5).withGroup("Shape");
        static final BoolParameter BYPASS = BoolParameter.of("bypass", "Off", false);

        @Override
        public List<Parameter> parameters() {
            return List.of(AMOUNT, BYPASS);
        }

        @Override
        public void process(AudioBlock block, ParameterValues values) {
            float amount = values.get(BYPASS) ? 0 : values.get(AMOUNT);
            for (int i = 0; i < block.frames(); i++) {
                block.channel(0)[i] += amount;
            }
        }
    }

    private final Chain chain = Chain.of(stage("input", new InputGain()), stage("shift", "Shifter", new Offset()),
            stage("output", new InputGain()));

    @Test
    void prefixesEachStagesIdsAndGroupsThemUnderTheStage() {
        List<Parameter> parameters = chain.parameters();

        assertThat(parameters).extracting(Parameter::id).containsExactly("input_gain", "input_bypass",
                "shift_amount", "shift_bypass", "output_gain", "output_bypass");
        assertThat(parameters).extracting(parameter -> parameter.group().orElseThrow()).containsExactly("Input Gain",
                "Input Gain", "Shifter · Shape", "Shifter", "Input Gain", "Input Gain");
        assertThat(((FloatParameter) parameters.get(0)).unit()).contains("x");
        assertThat(parameters.get(3).name()).isEqualTo("Off");
        assertThat(chain.parameterIds(1)).containsExactly("shift_amount", "shift_bypass");
    }

    @Test
    void runsTheStagesInOrderWithTheirOwnValues() {
        ParameterValues values = ParameterValues.defaults(ParameterLayout.of(chain.parameters()));
        values.set("input_gain", 2);
        values.set("output_gain", 3);

        assertThat(processOne(1f, values)).isEqualTo((1f * 2 + 0.5f) * 3);
    }

    @Test
    void aStagesBypassSkipsItAndTheTapSeesTheBlockAfterEveryStage() {
        ParameterValues values = ParameterValues.defaults(ParameterLayout.of(chain.parameters()));
        values.set("input_gain", 2);
        values.set("input_bypass", 1);
        values.set("shift_bypass", 1);
        float[] seen = new float[3];
        chain.tap((stage, block) -> seen[stage] = block.channel(0)[0]);

        assertThat(processOne(1f, values)).isEqualTo(1f);
        assertThat(seen).containsExactly(1f, 1f, 1f);
        assertThat(((InputGain) chain.stages().get(0).processor()).blocks).isZero();
    }

    @Test
    void handsEachStageItsOwnStateByIdSoANewStageStartsFresh() {
        InputGain input = (InputGain) chain.stages().get(0).processor();
        input.blocks = 7;
        Map<String, Object> saved = chain.saveState();
        assertThat(saved).containsOnlyKeys("input", "output");

        InputGain movedInput = new InputGain();
        InputGain added = new InputGain();
        Chain next = Chain.of(stage("added", added), stage("input", movedInput));
        next.restoreState(saved);

        assertThat(movedInput.blocks).isEqualTo(7);
        assertThat(added.blocks).isZero();
    }

    @Test
    void namesTheStageWhoseDeclarationIsWrongAndRefusesBadOrRepeatedIds() {
        Processor twice = new Processor() {
            @Override
            public List<Parameter> parameters() {
                return List.of(InputGain.GAIN, InputGain.GAIN);
            }

            @Override
            public void process(AudioBlock block, ParameterValues values) {
            }
        };

        assertThatThrownBy(() -> Chain.of(stage("broken", twice)).parameters())
                .isInstanceOf(ParameterDeclarationException.class).hasMessageStartingWith("Stage 'broken': ");
        assertThatThrownBy(() -> Chain.of(stage("a", new InputGain()), stage("a", new Offset())))
                .hasMessageContaining("'a'");
        assertThatThrownBy(() -> stage("has space", new Offset())).hasMessageContaining("has space");
    }

    private float processOne(float sample, ParameterValues values) {
        AudioBlock block = new AudioBlock(new float[][] {{sample}});
        chain.process(block, values);
        return block.channel(0)[0];
    }
}
