package dev.wavecraft.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterDeclarationTest {

    @Test
    void acceptsAWellFormedLayoutInDeclarationOrder() {
        FloatParameter gain = FloatParameter.of("gain", "Gain", -60, 12, 0).withUnit("dB").withGroup("Output");
        BoolParameter bypass = BoolParameter.of("bypass", "Bypass", false);
        EnumParameter mode = EnumParameter.of("mode", "Mode", "Clean", "Warm").withDefault(1);

        ParameterLayout layout = ParameterLayout.of(List.of(gain, bypass, mode));

        assertThat(layout.parameters()).containsExactly(gain, bypass, mode);
        assertThat(layout.indexOf("mode")).isEqualTo(2);
        assertThat(layout.indexOf("missing")).isEqualTo(-1);
        assertThat(gain.unit()).contains("dB");
        assertThat(gain.group()).contains("Output");
        assertThat(mode.max()).isEqualTo(1);
        assertThat(mode.defaultValue()).isEqualTo(1);
    }

    @Test
    void rejectsADuplicateIdNamingItAndBothPositions() {
        List<Parameter> declared = List.of(
                BoolParameter.of("gain", "Bypass", false), FloatParameter.of("gain", "Gain", 0, 1, 0));

        assertThatThrownBy(() -> ParameterLayout.of(declared))
                .isInstanceOf(ParameterDeclarationException.class)
                .hasMessageContainingAll("'gain'", "declared twice", "#1", "#2");
    }

    @Test
    void rejectsABlankIdNamingTheParameterByItsName() {
        assertThatThrownBy(() -> FloatParameter.of(" ", "Gain", 0, 1, 0))
                .isInstanceOf(ParameterDeclarationException.class)
                .hasMessageContainingAll("named 'Gain'", "id must not be blank");
        assertThatThrownBy(() -> BoolParameter.of(null, "Bypass", true))
                .hasMessageContainingAll("named 'Bypass'", "id must not be blank");
    }

    @Test
    void rejectsMinNotBelowMax() {
        assertThatThrownBy(() -> FloatParameter.of("cutoff", "Cutoff", 100, 100, 100))
                .isInstanceOf(ParameterDeclarationException.class)
                .hasMessageContainingAll("'cutoff'", "min (100.0) must be less than max (100.0)");
    }

    @Test
    void rejectsADefaultOutsideTheRange() {
        assertThatThrownBy(() -> FloatParameter.of("gain", "Gain", -60, 12, 20))
                .isInstanceOf(ParameterDeclarationException.class)
                .hasMessageContainingAll("'gain'", "default (20.0)", "[-60.0, 12.0]");
        assertThatThrownBy(() -> EnumParameter.of("mode", "Mode", "A", "B").withDefault(2))
                .hasMessageContainingAll("'mode'", "default index (2)", "[0, 1]");
    }

    @Test
    void rejectsAnEnumWithoutVariantsOrWithRepeatedOnes() {
        assertThatThrownBy(() -> EnumParameter.of("mode", "Mode"))
                .isInstanceOf(ParameterDeclarationException.class)
                .hasMessageContainingAll("'mode'", "at least one variant");
        assertThatThrownBy(() -> EnumParameter.of("mode", "Mode", "A", "A"))
                .hasMessageContainingAll("'mode'", "'A' appears twice");
        assertThatThrownBy(() -> EnumParameter.of("mode", "Mode", "A", null))
                .hasMessageContainingAll("'mode'", "must not be blank");
    }

    @Test
    void rejectsNanAndInfiniteNumbers() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> FloatParameter.of("gain", "Gain", bad, 12, 0))
                    .hasMessageContainingAll("'gain'", "min must be a finite number");
            assertThatThrownBy(() -> FloatParameter.of("gain", "Gain", -60, bad, 0))
                    .hasMessageContainingAll("'gain'", "max must be a finite number");
            assertThatThrownBy(() -> FloatParameter.of("gain", "Gain", -60, 12, bad))
                    .hasMessageContainingAll("'gain'", "default must be a finite number");
        }
    }

    @Test
    void rejectsANullEntryOrANullList() {
        assertThatThrownBy(() -> ParameterLayout.of(Arrays.asList(BoolParameter.of("a", "A", true), null)))
                .hasMessageContaining("Parameter #2 of parameters() is null");
        assertThatThrownBy(() -> ParameterLayout.of(null))
                .hasMessageContaining("parameters() returned null");
    }

    @Test
    void rejectsBlankNamesUnitsAndGroups() {
        assertThatThrownBy(() -> FloatParameter.of("gain", "", 0, 1, 0))
                .hasMessageContainingAll("'gain'", "name must not be blank");
        assertThatThrownBy(() -> FloatParameter.of("gain", "Gain", 0, 1, 0).withUnit(" "))
                .hasMessageContainingAll("'gain'", "unit must not be blank");
        assertThatThrownBy(() -> BoolParameter.of("on", "On", true).withGroup(""))
                .hasMessageContainingAll("'on'", "group must not be blank");
    }
}
