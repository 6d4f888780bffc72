package dev.wavecraft.maven.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wavecraft.devserver.audio.wav.WavAudio;
import dev.wavecraft.devserver.audio.wav.WavReader;
import dev.wavecraft.devserver.audio.wav.WavWriter;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.options.SampleFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the example processor, compiled from its real sources, as wavecraft:render does. */
class RendererTest {

    @TempDir
    Path work;

    private ProjectClasspath classpath;
    private Path outputDirectory;

    @BeforeEach
    void compileExample() throws IOException {
        classpath = CompiledProject.example(work.resolve("project")).classpath();
        outputDirectory = Files.createDirectories(work.resolve("out"));
    }

    @Test
    void rendersAKnownToneThroughTheGainToTheExpectedRms() throws Exception {
        Renderer.Result result = Renderer.render(request(InputSpec.tone(1000, 0.5), Map.of("gain", "-6"), "bypass=false",
                SampleFormat.FLOAT32));

        WavAudio written = WavReader.read(output());
        assertThat(result.processor()).isEqualTo("com.example.gain.GainProcessor");
        assertThat(written.sampleRate()).isEqualTo(48_000);
        assertThat(written.channelCount()).isEqualTo(2);
        assertThat(written.frames()).isEqualTo(48_000);
        assertThat(written.format()).isEqualTo(SampleFormat.FLOAT32);
        double expected = 0.5 / Math.sqrt(2) * Math.pow(10, -6 / 20.0);
        assertThat(rms(written.channels()[0])).isCloseTo(expected, within(1e-4));
        assertThat(rms(written.channels()[1])).isCloseTo(expected, within(1e-4));
    }

    @Test
    void keepsTheSampleRateOfAWavInputAndTakesEnumsByName() throws Exception {
        float[] samples = new float[22_050];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.9f * (float) Math.sin(2 * Math.PI * 100 * i / 44_100.0);
        }
        Path input = work.resolve("take.wav");
        WavWriter.write(input, new WavAudio(44_100, new float[][] {samples}, SampleFormat.PCM24));

        Renderer.render(request(InputSpec.wav(input, 1), Map.of("curve", "hard CLIP"), "drive=12", SampleFormat.PCM16));

        WavAudio written = WavReader.read(output());
        assertThat(written.sampleRate()).isEqualTo(44_100);
        assertThat(written.frames()).isEqualTo(22_050);
        assertThat(written.format()).isEqualTo(SampleFormat.PCM16);
        float peak = 0;
        for (float sample : written.channels()[1]) {
            peak = Math.max(peak, Math.abs(sample));
        }
        assertThat(peak).as("hard-clipped at full scale").isCloseTo(1f, within(1e-3f));
    }

    @Test
    void refusesAnUnknownParameterIdNamingTheKnownOnesAndWritesNothing() {
        assertThatThrownBy(() -> Renderer.render(request(InputSpec.defaultTone(), Map.of(), "gian=-6",
                SampleFormat.PCM24)))
                .isInstanceOf(RenderException.class)
                .hasMessage("Unknown parameter 'gian' in wavecraft.params. com.example.gain.GainProcessor has these"
                        + " parameters: drive, curve, gain, bypass; use one of these ids.");
        assertNothingWritten();
    }

    @Test
    void refusesAnOutOfRangeValueSayingWhereItCameFromAndWritesNothing() {
        assertThatThrownBy(() -> Renderer.render(request(InputSpec.defaultTone(), Map.of("gain", "40"), "",
                SampleFormat.PCM24)))
                .hasMessage("Parameter 'gain' (from <params> in the POM) cannot be 40: it takes numbers within"
                        + " [-60.0, 12.0].");
        assertThatThrownBy(() -> Renderer.render(request(InputSpec.defaultTone(), Map.of(), "curve=Fuzz",
                SampleFormat.PCM24)))
                .hasMessageContaining("'curve' (from wavecraft.params) cannot be 'Fuzz'")
                .hasMessageContaining("Clean, Soft clip, Hard clip");
        assertThatThrownBy(() -> ParameterAssignments.of(Map.of(), "gain"))
                .hasMessageContaining("'gain' in wavecraft.params is not id=value");
        assertNothingWritten();
    }

    @Test
    void refusesAnInputItCannotReadAndWritesNothing() throws IOException {
        Path text = Files.writeString(work.resolve("notes.wav"), "not audio");

        assertThatThrownBy(() -> Renderer.render(request(InputSpec.wav(work.resolve("missing.wav"), 1), Map.of(), "",
                SampleFormat.PCM24)))
                .hasMessageContaining("missing.wav does not exist").hasMessageContaining("wavecraft.input");
        assertThatThrownBy(() -> Renderer.render(request(InputSpec.wav(text, 1), Map.of(), "", SampleFormat.PCM24)))
                .hasMessageContaining("Cannot use the input " + text).hasMessageContaining("is not a WAV file");
        assertNothingWritten();
    }

    private RenderRequest request(InputSpec input, Map<String, String> pom, String property, SampleFormat format)
            throws RenderException {
        return new RenderRequest(classpath, Optional.empty(), Duration.ofSeconds(10), input, 1.0,
                ParameterAssignments.of(pom, property), output(), format, 512);
    }

    private Path output() {
        return outputDirectory.resolve("render.wav");
    }

    private void assertNothingWritten() {
        try (Stream<Path> files = Files.list(outputDirectory)) {
            assertThat(files).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (float sample : samples) {
            sum += sample * sample;
        }
        return Math.sqrt(sum / samples.length);
    }
}
