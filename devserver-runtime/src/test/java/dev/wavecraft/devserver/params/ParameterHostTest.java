package dev.wavecraft.devserver.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wavecraft.api.BoolParameter;
import dev.wavecraft.api.EnumParameter;
import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.protocol.reload.LayoutChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterHostTest {

    private final ParameterHost host = new ParameterHost(ParameterLayout.of(List.of(
            FloatParameter.of("gain", "Gain", -60, 12, 0),
            FloatParameter.of("drive", "Drive", 0, 24, 0),
            EnumParameter.of("mode", "Mode", "A", "B", "C"),
            BoolParameter.of("bypass", "Bypass", false))));

    @Test
    void keepsValuesOfSurvivingIdsAndStartsNewOnesAtTheirDefault() throws Exception {
        host.set("gain", -6.5, null);

        LayoutChange change = host.adopt(ParameterLayout.of(List.of(
                FloatParameter.of("gain", "Gain", -60, 12, 0),
                FloatParameter.of("width", "Width", 0, 2, 1))));

        assertThat(change.kept()).containsExactly("gain");
        assertThat(change.added()).containsExactly("width");
        assertThat(change.removed()).containsExactly("drive", "mode", "bypass");
        assertThat(host.state().value(0)).isEqualTo(-6.5);
        assertThat(host.state().value(1)).isEqualTo(1);
    }

    @Test
    void clampsAKeptValueIntoANarrowerRange() throws Exception {
        host.set("drive", 20, null);
        host.set("mode", 2, null);

        host.adopt(ParameterLayout.of(List.of(
                FloatParameter.of("drive", "Drive", 0, 12, 0), EnumParameter.of("mode", "Mode", "A", "B"))));

        assertThat(host.state().value(0)).isEqualTo(12);
        assertThat(host.state().value(1)).isEqualTo(1);
    }

    @Test
    void resetsAndReportsAParameterWhoseKindChanged() throws Exception {
        host.set("bypass", 1, null);

        LayoutChange change = host.adopt(ParameterLayout.of(List.of(FloatParameter.of("bypass", "Bypass", 0, 1, 0.25))));

        assertThat(change.reset()).containsExactly("bypass");
        assertThat(change.kept()).isEmpty();
        assertThat(host.state().value(0)).isEqualTo(0.25);
    }

    @Test
    void tellsListenersAboutChangesButNotAboutSetsThatChangeNothing() throws Exception {
        List<String> heard = new ArrayList<>();
        host.addListener((parameter, value, origin) -> heard.add(parameter.id() + "=" + value));

        host.set("gain", -3, null);
        host.set("gain", -3, null);

        assertThat(heard).containsExactly("gain=-3.0");
    }

    @Test
    void refusesUnknownIdsOutOfRangeValuesAndFractionsForDiscreteKinds() {
        assertThatThrownBy(() -> host.set("nope", 0, null)).isInstanceOfSatisfying(ParameterRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(ParameterRejectedException.Reason.UNKNOWN_ID));
        assertThatThrownBy(() -> host.set("gain", 13, null)).isInstanceOfSatisfying(ParameterRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(ParameterRejectedException.Reason.OUT_OF_RANGE));
        assertThatThrownBy(() -> host.set("mode", 0.5, null)).isInstanceOfSatisfying(ParameterRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(ParameterRejectedException.Reason.NOT_WHOLE));
    }

    @Test
    void appliesStoredValuesClampingThoseThatNoLongerFitAndDroppingUnknownIds() {
        List<String> heard = new ArrayList<>();
        host.addListener((parameter, value, origin) -> heard.add(parameter.id() + "=" + value + " by " + origin));
        java.util.Map<String, Double> stored = new java.util.LinkedHashMap<>();
        stored.put("gain", -12.0);
        stored.put("drive", 30.0);
        stored.put("mode", 1.6);
        stored.put("width", 1.5);
        stored.put("bypass", Double.NaN);

        AppliedValues report = host.apply(stored, "preset");

        assertThat(report.applied()).containsExactly("gain");
        assertThat(report.clamped()).containsExactly("drive", "mode");
        assertThat(report.dropped()).containsExactly("width", "bypass");
        assertThat(host.state().value(0)).isEqualTo(-12);
        assertThat(host.state().value(1)).isEqualTo(24);
        assertThat(host.state().value(2)).isEqualTo(2);
        assertThat(host.state().value(3)).isZero();
        assertThat(heard).containsExactly("gain=-12.0 by preset", "drive=24.0 by preset", "mode=2.0 by preset");
        assertThat(report.describe()).isEqualTo("1 value set as saved; clamped into the parameter's range: drive,"
                + " mode; dropped (no such parameter, or not a number): width, bypass");
    }
}
