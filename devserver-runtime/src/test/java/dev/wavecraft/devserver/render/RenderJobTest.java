package dev.wavecraft.devserver.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wavecraft.devserver.audio.wav.WavAudio;
import dev.wavecraft.devserver.audio.wav.WavReader;
import dev.wavecraft.devserver.presets.PresetStore;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.WavFiles;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.options.PresetChoice;
import dev.wavecraft.protocol.options.RenderOptions;
import dev.wavecraft.protocol.options.SampleFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders processors compiled from real sources (the example's, and small ones), as the forked renderer does. */
class RenderJobTest {

    @TempDir
    Path work;

    private Path outputDirectory;

    @BeforeEach
    void createOutputDirectory() throws IOException {
        outputDirectory = Files.createDirectories(work.resolve("out"));
    }

    @Test
    void rendersAKnownToneThroughTheGainToTheExpectedRms() throws Exception {
        RenderJob.Rendered rendered = new RenderJob(options(example(), InputSpec.tone(1000, 0.5), List.of("gain=-6"),
                "bypass=false", SampleFormat.FLOAT32)).run();

        WavAudio written = WavReader.read(output());
        assertThat(rendered.processor()).isEqualTo("com.example.gain.GainProcessor");
        assertThat(rendered.input().description()).isEqualTo("tone:1000.0:0.5");
        assertThat(written.sampleRate()).isEqualTo(48_000);
        assertThat(written.channelCount()).isEqualTo(2);
        assertThat(written.frames()).isEqualTo(48_000);
        assertThat(written.format()).isEqualTo(SampleFormat.FLOAT32);
        double expected = 0.5 / Math.sqrt(2) * Math.pow(10, -6 / 20.0);
        assertThat(rms(written.channels()[0])).isCloseTo(expected, within(1e-4));
        assertThat(rms(written.channels()[1])).isCloseTo(expected, within(1e-4));
        assertThat((double) rendered.peak()).isCloseTo(0.5 * Math.pow(10, -6 / 20.0), within(1e-3));
    }

    @Test
    void setsAPresetsValuesFirstThenThePomsAndSaysWhatDidNotFit() throws Exception {
        Path presets = work.resolve("presets");
        new PresetStore(presets).save("Quiet", "com.example.gain.GainProcessor",
                Map.of("gain", -80.0, "bypass", 1.0, "width", 2.0), Instant.EPOCH);
        RenderOptions options = options(example(), InputSpec.tone(1000, 0.5), List.of("bypass=false"), "",
                SampleFormat.FLOAT32);

        RenderJob.Rendered rendered = new RenderJob(withPreset(options, presets, "Quiet")).run();

        double expected = 0.5 / Math.sqrt(2) * Math.pow(10, -60 / 20.0);
        assertThat(rms(WavReader.read(output()).channels()[0])).isCloseTo(expected, within(1e-5));
        assertThat(rendered.preset()).contains("Preset 'Quiet': 1 value set as saved; clamped into the parameter's"
                + " range: gain; dropped (no such parameter, or not a number): width");
    }

    @Test
    void refusesAMissingPresetNamingThoseThatExistAndWritesNothing() throws Exception {
        Path presets = work.resolve("presets");
        new PresetStore(presets).save("Warm", "x", Map.of(), Instant.EPOCH);
        RenderOptions options = options(example(), InputSpec.defaultTone(), List.of(), "", SampleFormat.PCM24);

        assertThatThrownBy(() -> new RenderJob(withPreset(options, presets, "Cold")).run())
                .isInstanceOf(RenderException.class)
                .hasMessage("No preset named 'Cold' in " + presets + ": there are 'Warm'. Save it from the dashboard"
                        + " of wavecraft:run, or set wavecraft.preset to one of those.");
        assertNothingWritten();
    }

    private static RenderOptions withPreset(RenderOptions options, Path directory, String name) {
        return new RenderOptions(options.classpathFile(), options.processorClass(), options.processorTimeout(),
                options.input(), options.seconds(), options.output(), options.format(), options.blockSize(),
                options.pomParameters(), options.parameterList(), options.reference(),
                Optional.of(new PresetChoice(directory, name)));
    }

    @Test
    void keepsTheSampleRateOfAWavInputAndTakesEnumsByName() throws Exception {
        float[] samples = new float[22_050];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.9f * (float) Math.sin(2 * Math.PI * 100 * i / 44_100.0);
        }
        Path input = WavFiles.write(work.resolve("take.wav"),
                new WavAudio(44_100, new float[][] {samples}, SampleFormat.PCM24));

        new RenderJob(options(example(), InputSpec.wav(input, 1), List.of("curve=hard CLIP"), "drive=12",
                SampleFormat.PCM16)).run();

        WavAudio written = WavReader.read(output());
        assertThat(written.sampleRate()).isEqualTo(44_100);
        assertThat(written.frames()).isEqualTo(22_050);
        assertThat(written.format()).isEqualTo(SampleFormat.PCM16);
        float peak = 0;
        for (float sample : written.channels()[1]) {
            peak = Math.max(peak, Math.abs(sample));
        }
        assertThat(peak).as("the mono input on both channels, hard-clipped at full scale").isCloseTo(1f, within(1e-3f));
    }

    @Test
    void refusesAnUnknownParameterIdNamingTheKnownOnesAndWritesNothing() {
        assertThatThrownBy(() -> new RenderJob(options(example(), InputSpec.defaultTone(), List.of(), "gian=-6",
                SampleFormat.PCM24)).run())
                .isInstanceOf(RenderException.class)
                .hasMessage("Unknown parameter 'gian' in wavecraft.params. com.example.gain.GainProcessor has these"
                        + " parameters: drive, curve, gain, bypass; use one of these ids.");
        assertNothingWritten();
    }

    @Test
    void refusesAnOutOfRangeValueSayingWhereItCameFromAndWritesNothing() {
        Path classpath = example();
        assertThatThrownBy(() -> new RenderJob(options(classpath, InputSpec.defaultTone(), List.of("gain=40"), "",
                SampleFormat.PCM24)).run())
                .hasMessage("Parameter 'gain' (from <params> in the POM) cannot be 40: it takes numbers within"
                        + " [-60.0, 12.0].");
        assertThatThrownBy(() -> new RenderJob(options(classpath, InputSpec.defaultTone(), List.of(), "curve=Fuzz",
                SampleFormat.PCM24)).run())
                .hasMessageContaining("'curve' (from wavecraft.params) cannot be 'Fuzz'")
                .hasMessageContaining("Clean, Soft clip, Hard clip");
        assertThatThrownBy(() -> ParameterAssignments.of(List.of(), "gain"))
                .hasMessageContaining("'gain' in wavecraft.params is not id=value");
        assertNothingWritten();
    }

    @Test
    void refusesAnInputItCannotReadAndWritesNothing() throws IOException {
        Path classpath = example();
        Path text = Files.writeString(work.resolve("notes.wav"), "not audio");

        assertThatThrownBy(() -> new RenderJob(options(classpath, InputSpec.wav(work.resolve("missing.wav"), 1),
                List.of(), "", SampleFormat.PCM24)).run())
                .hasMessageContaining("missing.wav does not exist").hasMessageContaining("wavecraft.input");
        assertThatThrownBy(() -> new RenderJob(options(classpath, InputSpec.wav(text, 1), List.of(), "",
                SampleFormat.PCM24)).run())
                .hasMessageContaining("Cannot use the input " + text).hasMessageContaining("is not a WAV file");
        assertNothingWritten();
    }

    @Test
    void saysWhereInTheAudioAndInWhichLineTheProcessorThrewAndWritesNothing() {
        Path classpath = processor("demo.Trip", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Trip implements Processor {
                    private int blocks;
                    public List<Parameter> parameters() { return List.of(); }
                    public void process(AudioBlock block, ParameterValues values) {
                        if (++blocks == 3) {
                            throw new IllegalStateException("filter blew up");
                        }
                    }
                }
                """);

        assertThatThrownBy(() -> new RenderJob(options(classpath, InputSpec.defaultTone(), List.of(), "",
                SampleFormat.PCM24)).run())
                .isInstanceOf(RenderException.class)
                .hasMessage("demo.Trip.process() threw java.lang.IllegalStateException: filter blew up at 0.021 s"
                        + " (block 3), in demo.Trip.process(Trip.java:9). Nothing was written to " + output() + ".");
        assertNothingWritten();
    }

    @Test
    void stopsWaitingForAProcessCallThatNeverReturnsAndNamesTheLineItSpinsAt() throws Exception {
        Path classpath = processor("demo.Spin", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Spin implements Processor {
                    private int blocks;
                    public List<Parameter> parameters() { return List.of(); }
                    public void process(AudioBlock block, ParameterValues values) {
                        if (++blocks < 4) {
                            return;
                        }
                        double phase = 0;
                        while (!Thread.currentThread().isInterrupted()) { phase = Math.sin(phase + 0.1); }
                        block.channel(0)[0] = (float) phase;
                    }
                }
                """);
        RenderOptions options = options(classpath, InputSpec.defaultTone(), List.of(), "", SampleFormat.PCM24,
                Duration.ofMillis(300));
        long started = System.nanoTime();

        try {
            assertThatThrownBy(() -> new RenderJob(options).run())
                    .isInstanceOfSatisfying(StuckCall.class, stuck -> {
                        assertThat(stuck.getMessage()).startsWith("demo.Spin.process() did not return within 0.3 s,"
                                + " at 0.032 s (block 4) of the audio, so the render was stopped. It is stuck at"
                                + " demo.Spin.process(Spin.java:12).")
                                .contains("Nothing was written to " + output(), "-Dwavecraft.processorTimeout");
                        assertThat(stuck.detail()).contains("\tat demo.Spin.process(Spin.java:12)");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertNothingWritten();
        } finally {
            // The render thread still spins, as a user's would; this one stops when interrupted.
            Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("wavecraft-render"))
                    .forEach(Thread::interrupt);
        }
    }

    private Path example() {
        return CompiledProject.example(work.resolve("project")).classpathFile();
    }

    private Path processor(String className, String source) {
        return CompiledProject.withProcessor(work.resolve("project"), className, source).classpathFile();
    }

    private RenderOptions options(Path classpathFile, InputSpec input, List<String> pom, String property,
            SampleFormat format) {
        return options(classpathFile, input, pom, property, format, Duration.ofSeconds(10));
    }

    private RenderOptions options(Path classpathFile, InputSpec input, List<String> pom, String property,
            SampleFormat format, Duration processorTimeout) {
        return new RenderOptions(classpathFile, Optional.empty(), processorTimeout, input, 1.0, output(), format,
                512, pom, property, Optional.empty());
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
