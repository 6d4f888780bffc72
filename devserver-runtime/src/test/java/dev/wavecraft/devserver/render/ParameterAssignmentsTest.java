package dev.wavecraft.devserver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wavecraft.api.BoolParameter;
import dev.wavecraft.api.EnumParameter;
import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.devserver.params.ParameterState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterAssignmentsTest {

    private static final FloatParameter GAIN = FloatParameter.of("gain", "Gain", -60, 12, 0);
    private static final BoolParameter BYPASS = BoolParameter.of("bypass", "Bypass", false);
    private static final EnumParameter CURVE = EnumParameter.of("curve", "Curve", "Clean", "Soft clip", "Hard clip");
    private static final ParameterLayout LAYOUT = ParameterLayout.of(List.of(GAIN, BYPASS, CURVE));

    @Test
    void setsThePomsValuesAndLetsTheCommandLineOverrideThem() throws RenderException {
        ParameterValues values = ParameterAssignments.of(List.of("gain=-6", " curve=Soft clip", "bypass=on"),
                "gain=-12 , curve=2").apply(ParameterState.defaults(LAYOUT), "demo.Gain");

        assertThat(values.get(GAIN)).isEqualTo(-12f);
        assertThat(values.get(CURVE)).isEqualTo(2);
        assertThat(values.get(BYPASS)).isTrue();
    }

    @Test
    void setsThePomsAndTheCommandLinesValuesOverAPresets() throws RenderException {
        ParameterState preset = ParameterState.defaults(LAYOUT)
                .fitted(java.util.Map.of("gain", -3.0, "curve", 1.0, "bypass", 1.0)).state();

        ParameterValues values = ParameterAssignments.of(List.of("gain=-6"), "bypass=false").apply(preset, "demo.Gain");

        assertThat(values.get(GAIN)).isEqualTo(-6f);
        assertThat(values.get(CURVE)).isEqualTo(1);
        assertThat(values.get(BYPASS)).isFalse();
    }

    @Test
    void leavesWhatIsNotAssignedAtItsDefault() throws RenderException {
        ParameterValues values = ParameterAssignments.of(List.of(), "")
                .apply(ParameterState.defaults(LAYOUT), "demo.Gain");

        assertThat(values.get(GAIN)).isZero();
        assertThat(values.get(CURVE)).isZero();
        assertThat(values.get(BYPASS)).isFalse();
    }

    @Test
    void refusesWhatAParameterDoesNotTakeSayingWhereTheValueCameFrom() {
        assertThatThrownBy(() -> ParameterAssignments.of(List.of("bypass=maybe"), null)
                .apply(ParameterState.defaults(LAYOUT), "demo.Gain"))
                .hasMessage("Parameter 'bypass' (from <params> in the POM) cannot be 'maybe': it takes true or false"
                        + " (or 1 or 0).");
        assertThatThrownBy(() -> ParameterAssignments.of(List.of(), "curve=3")
                .apply(ParameterState.defaults(LAYOUT), "demo.Gain"))
                .hasMessage("Parameter 'curve' (from wavecraft.params) cannot be 3: it takes a variant, by name or"
                        + " index 0 to 2: Clean, Soft clip, Hard clip.");
        assertThatThrownBy(() -> ParameterAssignments.of(List.of(), "gain=-6,=1"))
                .hasMessage("'=1' in wavecraft.params is not id=value. Write the values as"
                        + " -Dwavecraft.params=gain=-6,curve=1.");
    }
}
