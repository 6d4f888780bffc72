package dev.wavecraft.protocol.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkbenchOptionsTest {

    @Test
    void carriesTheSessionAndPresetsThroughTheServersCommandLine() {
        DevServerOptions options = new DevServerOptions(Path.of("cp")).withWorkbench(WorkbenchOptions.NONE
                .withSession(Path.of("target/wavecraft/session.json"), false)
                .withPresetsDirectory(Path.of("src/main/wavecraft/my presets")));

        DevServerOptions parsed = DevServerOptions.parse(options.toArguments());

        assertThat(parsed.workbench()).isEqualTo(options.workbench());
        assertThat(DevServerOptions.parse(new DevServerOptions(Path.of("cp")).toArguments()).workbench())
                .isEqualTo(WorkbenchOptions.NONE);
    }

    @Test
    void carriesAPresetThroughTheRenderersCommandLine() {
        RenderOptions options = new RenderOptions(Path.of("cp"), Optional.empty(), Duration.ofSeconds(10),
                InputSpec.defaultTone(), 1, Path.of("out.wav"), SampleFormat.PCM24, 512, List.of(), "",
                Optional.empty(), Optional.of(new PresetChoice(Path.of("src/main/wavecraft/presets"), "Warm pad_2")));

        assertThat(RenderOptions.parse(options.toArguments())).isEqualTo(options);
        assertThatThrownBy(() -> RenderOptions.parse(List.of("--classpath-file", "cp", "--output", "o.wav",
                "--preset", "Warm"))).hasMessage("Arguments --preset and --presets-directory go together");
    }

    @Test
    void acceptsFileNameSafePresetNamesOnly() {
        assertThat(PresetName.check("Warm pad-2_b")).isEqualTo("Warm pad-2_b");
        assertThat(PresetName.check("Größe")).isEqualTo("Größe");
        for (String bad : List.of("", " lead", "lead ", "../x", "a/b", "a.b", "con:x", "x".repeat(65))) {
            assertThatThrownBy(() -> PresetName.check(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> PresetName.check("a/b"))
                .hasMessage("'a/b' cannot name a preset: use letters, digits, '-', '_' and spaces (not first or last),"
                        + " at most 64 characters");
    }
}
