package dev.wavecraft.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

    private static final FloatParameter GAIN = FloatParameter.of("gain", "Gain", -60, 12, -6);
    private static final BoolParameter BYPASS = BoolParameter.of("bypass", "Bypass", true);
    private static final EnumParameter MODE = EnumParameter.of("mode", "Mode", "A", "B", "C").withDefault(2);

    private final ParameterValues values = ParameterValues.defaults(ParameterLayout.of(List.of(GAIN, BYPASS, MODE)));

    @Test
    void startsAtTheDefaultsAndReadsEachKindInItsOwnType() {
        assertThat(values.get(GAIN)).isEqualTo(-6f);
        assertThat(values.get(BYPASS)).isTrue();
        assertThat(values.get(MODE)).isEqualTo(2);
    }

    @Test
    void setsValuesTheParameterAccepts() {
        values.set("gain", 3.5);
        values.set("bypass", 0);
        values.set("mode", 0);

        assertThat(values.get(GAIN)).isEqualTo(3.5f);
        assertThat(values.get(BYPASS)).isFalse();
        assertThat(values.get("mode")).isZero();
    }

    @Test
    void refusesValuesOutOfRangeOrNotWholeForDiscreteKinds() {
        assertThatThrownBy(() -> values.set("gain", 13)).hasMessageContaining("[-60.0, 12.0]");
        assertThatThrownBy(() -> values.set("bypass", 0.5)).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> values.set("mode", Double.NaN)).hasMessageContaining("does not accept NaN");
        assertThatThrownBy(() -> values.get("nope")).hasMessageContaining("No parameter 'nope'");
        assertThat(values.get(GAIN)).isEqualTo(-6f);
    }
}
