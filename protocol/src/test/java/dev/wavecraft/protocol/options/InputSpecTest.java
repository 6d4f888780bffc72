package dev.wavecraft.protocol.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InputSpecTest {

    @Test
    void readsTheCommandLineFormsWithDefaults() {
        assertThat(InputSpec.parse("tone")).isEqualTo(InputSpec.tone(440, 0.25));
        assertThat(InputSpec.parse("tone:1000:0.5")).isEqualTo(InputSpec.tone(1000, 0.5));
        assertThat(InputSpec.parse("pinkNoise:0.1")).isEqualTo(InputSpec.pinkNoise(0.1));
        assertThat(InputSpec.parse("WHITENOISE")).isEqualTo(InputSpec.whiteNoise(0.25));
        assertThat(InputSpec.parse("silence")).isEqualTo(InputSpec.silence());
        assertThat(InputSpec.parse("wav:takes/guitar.wav")).isEqualTo(InputSpec.wav(Path.of("takes/guitar.wav"), 1));
        assertThat(InputSpec.parse("takes/guitar.WAV")).isEqualTo(InputSpec.wav(Path.of("takes/guitar.WAV"), 1));
        for (String form : new String[] {"tone:220.5:0.75", "pinkNoise:0.5", "silence", "wav:a b/c.wav"}) {
            assertThat(InputSpec.parse(InputSpec.parse(form).format())).isEqualTo(InputSpec.parse(form));
        }
    }

    @Test
    void refusesMalformedInputsNamingWhatIsAccepted() {
        assertThatThrownBy(() -> InputSpec.parse("sine")).hasMessageContaining("Unknown input kind 'sine'")
                .hasMessageContaining("tone, whiteNoise, pinkNoise, wav, silence");
        assertThatThrownBy(() -> InputSpec.parse("tone:loud")).hasMessageContaining("'loud'");
        assertThatThrownBy(() -> InputSpec.parse("tone:440:2")).hasMessageContaining("within [0, 1]");
        assertThatThrownBy(() -> InputSpec.parse("wav:")).hasMessageContaining("wav:<path");
    }

    @Test
    void carriesTheAudioOptionsThroughTheServersCommandLine() {
        DevServerOptions options = new DevServerOptions(Path.of("target/wavecraft/project.classpath"))
                .withAudio(new AudioOptions(256, InputSpec.tone(1000, 0.5), false, 25));

        DevServerOptions parsed = DevServerOptions.parse(options.toArguments());

        assertThat(parsed.audio()).isEqualTo(options.audio());
        assertThat(DevServerOptions.parse(new DevServerOptions(Path.of("x")).toArguments()).audio())
                .isEqualTo(AudioOptions.DEFAULTS);
        assertThatThrownBy(() -> new AudioOptions(8, InputSpec.silence(), true, 0))
                .hasMessageContaining("block size must lie within [16, 8192]");
    }
}
