package dev.wavecraft.devserver.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wavecraft.api.ParameterValues;
import org.junit.jupiter.api.Test;

class OfflineRendererTest {

    @Test
    void rendersAKnownToneThroughTheGainToTheExpectedRms() throws Exception {
        TestProcessors.Gain gain = new TestProcessors.Gain();
        ParameterValues values = ParameterValues.defaults(TestProcessors.layoutOf(gain));
        values.set("gain", -6);
        float[][] tone = new float[1][48_000];
        new ToneSource(1000, 0.5, 48_000).fill(tone, tone[0].length);

        float[][] out = OfflineRenderer.render(gain, values, tone, 48_000, 500);

        assertThat(out).hasNumberOfRows(2);
        assertThat(out[1]).hasSize(48_000);
        double expected = 0.5 / Math.sqrt(2) * Math.pow(10, -6 / 20.0);
        assertThat(rms(out[0])).isCloseTo(expected, within(1e-4));
        assertThat(rms(out[1])).isCloseTo(expected, within(1e-4));
    }

    @Test
    void saysWhereInTheAudioTheProcessorThrew() {
        TestProcessors.Gain tripping = new TestProcessors.Gain(1);
        ParameterValues values = ParameterValues.defaults(TestProcessors.layoutOf(tripping));
        values.set("trip", 1);

        assertThatThrownBy(() -> OfflineRenderer.render(tripping, values, new float[2][4800], 48_000, 480))
                .isInstanceOf(OfflineRenderer.ProcessFailedException.class)
                .hasMessageContaining("filter blew up").hasMessageContaining("at 0.000 s (block 1)");
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float sample : samples) {
            sum += sample * sample;
        }
        return Math.sqrt(sum / samples.length);
    }
}
