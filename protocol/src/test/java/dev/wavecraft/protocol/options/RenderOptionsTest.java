package dev.wavecraft.protocol.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderOptionsTest {

    @Test
    void carriesEverySettingThroughTheRenderersCommandLine() {
        RenderOptions options = new RenderOptions(Path.of("target/wavecraft/render.classpath"),
                Optional.of("it.fixture.Gain"), Duration.ofMillis(2500), InputSpec.pinkNoise(0.5), 0.25,
                Path.of("out dir/take 1.wav"), SampleFormat.FLOAT32, 256, List.of("gain=-6", "curve=Soft clip"),
                "drive=3,bypass=true", Optional.of(new GoldenReference(Path.of("src/test/golden take.wav"), -84.5, true)));

        assertThat(RenderOptions.parse(options.toArguments())).isEqualTo(options);
    }

    @Test
    void keepsTheOrderOfThePomsParametersAndLeavesOutWhatIsUnset() {
        RenderOptions options = new RenderOptions(Path.of("cp"), Optional.empty(), Duration.ofSeconds(10),
                InputSpec.wav(Path.of("/takes/riff.wav"), 1), 0, Path.of("out.wav"), SampleFormat.PCM16, 512,
                List.of("b=2", "a=1", "c=x=y"), null, null);

        List<String> arguments = options.toArguments();
        RenderOptions parsed = RenderOptions.parse(arguments);

        assertThat(parsed.pomParameters()).containsExactly("b=2", "a=1", "c=x=y");
        assertThat(parsed.parameterList()).isEmpty();
        assertThat(parsed.processorClass()).isEmpty();
        assertThat(parsed.input()).isEqualTo(InputSpec.wav(Path.of("/takes/riff.wav"), 1));
        assertThat(parsed.reference()).isEmpty();
        assertThat(arguments).doesNotContain("--processor", "--params", "--reference");
    }

    @Test
    void aMidiFileCanSetTheLengthOfAGeneratedInput() {
        RenderOptions options = new RenderOptions(Path.of("cp"), Optional.empty(), Duration.ofSeconds(10),
                InputSpec.silence(), 0, Path.of("out.wav"), SampleFormat.PCM24, 512, List.of(), "", Optional.empty(),
                Optional.empty(), Optional.of(Path.of("src/test/wavecraft/melody one.mid")));

        RenderOptions parsed = RenderOptions.parse(options.toArguments());

        assertThat(parsed).isEqualTo(options);
        assertThat(parsed.lastsAsTheMidiFile()).isTrue();
        assertThat(options(InputSpec.silence(), 1, 512).lastsAsTheMidiFile()).isFalse();
    }

    @Test
    void refusesSettingsTheRendererCannotUseSayingWhatTheyTake() {
        assertThatThrownBy(() -> options(InputSpec.defaultTone(), 0, 512))
                .hasMessage("The duration must be a number of seconds above 0 and at most 3600, not 0.0");
        assertThatThrownBy(() -> options(InputSpec.silence(), 3601, 512)).hasMessageContaining("at most 3600");
        assertThatThrownBy(() -> options(InputSpec.defaultTone(), 1, 8)).hasMessageContaining("[16, 8192]");
        assertThat(options(InputSpec.wav(Path.of("a.wav"), 1), 0, 512).seconds()).as("unused for a WAV input").isZero();
        assertThatThrownBy(() -> RenderOptions.parse(List.of("--classpath-file", "cp")))
                .hasMessageContaining("--output");
        assertThatThrownBy(() -> RenderOptions.parse(List.of("--seconds", "long")))
                .hasMessage("Argument --seconds takes a number, not 'long'");
        assertThatThrownBy(() -> new GoldenReference(Path.of("golden.wav"), 3, false))
                .hasMessageContaining("0 or below (e.g. -90), not 3.0");
        assertThatThrownBy(() -> RenderOptions.parse(List.of("--volume", "11")))
                .hasMessage("Unknown argument --volume");
    }

    private static RenderOptions options(InputSpec input, double seconds, int blockSize) {
        return new RenderOptions(Path.of("cp"), Optional.empty(), Duration.ofSeconds(10), input, seconds,
                Path.of("out.wav"), SampleFormat.PCM24, blockSize, List.of(), "", Optional.empty());
    }
}
