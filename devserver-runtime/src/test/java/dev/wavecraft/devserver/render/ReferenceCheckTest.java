package dev.wavecraft.devserver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wavecraft.devserver.audio.wav.WavAudio;
import dev.wavecraft.devserver.audio.wav.WavReader;
import dev.wavecraft.devserver.testing.WavFiles;
import dev.wavecraft.protocol.options.GoldenReference;
import dev.wavecraft.protocol.options.SampleFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCheckTest {

    private static final int RATE = 48_000;

    @TempDir
    Path directory;

    @Test
    void aRenderEqualToItsReferenceMatchesAndLeavesNoDifferenceFile() throws Exception {
        Path render = wav("render.wav", tone(1.0, 0));
        Path golden = wav("golden.wav", tone(1.0, 0));
        Files.writeString(directory.resolve("render-diff.wav"), "from an earlier render");

        String found = ReferenceCheck.check(render, new GoldenReference(golden, -90, false));

        assertThat(found).isEqualTo("Matches the reference " + golden + ": peak difference -inf dBFS (identical)"
                + " (tolerance -90.0 dBFS)");
        assertThat(directory.resolve("render-diff.wav")).doesNotExist();
    }

    @Test
    void aRenderLouderBy0point1DbFailsNamingWhereAndHowMuchAndLeavesTheDifference() throws Exception {
        double louder = Math.pow(10, 0.1 / 20);
        Path render = wav("render.wav", tone(louder, 0));
        Path golden = wav("golden.wav", tone(1.0, 0));

        assertThatThrownBy(() -> ReferenceCheck.check(render, new GoldenReference(golden, -90, false)))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("The render differs from the reference " + golden)
                .hasMessageContaining("exceeds the tolerance of -90.0 dBFS from 0.000021 s on (frame 1)")
                .hasMessageContaining("with a peak of -44.7 dBFS")
                .hasMessageContaining("-Dwavecraft.updateReference=true");

        WavAudio difference = WavReader.read(directory.resolve("render-diff.wav"));
        assertThat(difference.format()).isEqualTo(SampleFormat.FLOAT32);
        assertThat(difference.frames()).isEqualTo(RATE);
        assertThat(peak(difference)).isCloseTo((louder - 1) * 0.5, within(1e-4));
    }

    @Test
    void theFirstMomentOverTheToleranceIsWhereTheRenderStartsToDiffer() throws Exception {
        Path render = wav("render.wav", tone(2.0, 0.25));
        Path golden = wav("golden.wav", tone(1.0, 0));

        assertThatThrownBy(() -> ReferenceCheck.check(render, new GoldenReference(golden, -60, false)))
                .hasMessageContaining("from 0.250021 s on (frame 12001)");
        assertThat(ReferenceCheck.check(render, new GoldenReference(golden, 0, false)))
                .as("within a tolerance of 0 dBFS").startsWith("Matches the reference");
    }

    @Test
    void aMissingReferenceIsCreatedOnlyWhenAsked() throws Exception {
        Path render = wav("render.wav", tone(1.0, 0));
        Path golden = directory.resolve("src/test/wavecraft/golden.wav");

        assertThatThrownBy(() -> ReferenceCheck.check(render, new GoldenReference(golden, -90, false)))
                .hasMessage("The reference " + golden + " does not exist. Run with -Dwavecraft.updateReference=true to"
                        + " make this render the reference.");
        assertThat(ReferenceCheck.check(render, new GoldenReference(golden, -90, true)))
                .isEqualTo("Created the reference " + golden + " with this render");
        assertThat(golden).hasSameBinaryContentAs(render);
        assertThat(ReferenceCheck.check(render, new GoldenReference(golden, -90, false))).startsWith("Matches");
    }

    @Test
    void aReferenceOfAnotherLengthOrRateCannotMatchAndSaysWhy() throws Exception {
        Path render = wav("render.wav", tone(1.0, 0));
        Path shorter = WavFiles.write(directory.resolve("short.wav"), new WavAudio(RATE, new float[2][RATE / 2],
                SampleFormat.PCM24));
        Path slower = WavFiles.write(directory.resolve("slow.wav"), new WavAudio(44_100, new float[2][RATE],
                SampleFormat.PCM24));
        Files.writeString(directory.resolve("text.wav"), "not audio");

        assertThatThrownBy(() -> ReferenceCheck.check(render, new GoldenReference(shorter, -90, false)))
                .hasMessageContaining("the render is 1.000 s long (48000 frames) and the reference 0.500 s (24000"
                        + " frames)");
        assertThatThrownBy(() -> ReferenceCheck.check(render, new GoldenReference(slower, -90, false)))
                .hasMessageContaining("the render is at 48000 Hz and the reference at 44100 Hz");
        assertThatThrownBy(() -> ReferenceCheck.check(render, new GoldenReference(directory.resolve("text.wav"), -90,
                false))).hasMessageContaining("Cannot compare the render with the reference");
    }

    /** One second of a 1 kHz tone at half scale times {@code gain} from {@code from} seconds on, unchanged before. */
    private static WavAudio tone(double gain, double from) {
        float[][] channels = new float[2][RATE];
        for (int i = 0; i < RATE; i++) {
            double level = i >= from * RATE ? gain : 1.0;
            float sample = (float) (0.5 * level * Math.sin(2 * Math.PI * 1000 * i / RATE));
            channels[0][i] = sample;
            channels[1][i] = sample;
        }
        return new WavAudio(RATE, channels, SampleFormat.PCM24);
    }

    private Path wav(String name, WavAudio audio) throws IOException {
        return WavFiles.write(directory.resolve(name), audio);
    }

    private static double peak(WavAudio audio) {
        double peak = 0;
        for (float[] channel : audio.channels()) {
            for (float sample : channel) {
                peak = Math.max(peak, Math.abs(sample));
            }
        }
        return peak;
    }
}
