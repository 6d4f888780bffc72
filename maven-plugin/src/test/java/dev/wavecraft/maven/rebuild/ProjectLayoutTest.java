package dev.wavecraft.maven.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.maven.workspace.LocalModule;
import dev.wavecraft.maven.workspace.LocalModules;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How changed files are named: by module in the terminal, from the top-level directory for browsers. */
class ProjectLayoutTest {

    private static final Path ROOT = Path.of("/work/audio");

    @Test
    void namesTheModuleOfEachChangedFileWhenTheDevLoopSpansSeveral() {
        ProjectLayout layout = layout(module("plugin"), module("dsp"));
        Path gain = ROOT.resolve("dsp/src/main/java/com/example/dsp/Gain.java");

        assertThat(layout.label(gain)).isEqualTo("[dsp] src/main/java/com/example/dsp/Gain.java");
        assertThat(layout.relative(gain)).isEqualTo("dsp/src/main/java/com/example/dsp/Gain.java");
    }

    @Test
    void aSingleModuleProjectShowsPlainRelativePaths() {
        ProjectLayout layout = new ProjectLayout(ROOT.resolve("plugin"), new LocalModules(List.of(module("plugin"))),
                ROOT.resolve("plugin/target/wavecraft/project.classpath"),
                ROOT.resolve("plugin/target/wavecraft/modules.json"), Optional.empty());
        Path processor = ROOT.resolve("plugin/src/main/java/Gain.java");

        assertThat(layout.label(processor)).isEqualTo("src/main/java/Gain.java");
        assertThat(layout.relative(processor)).isEqualTo("src/main/java/Gain.java");
    }

    private static ProjectLayout layout(LocalModule... modules) {
        return new ProjectLayout(ROOT, new LocalModules(List.of(modules)), ROOT.resolve("classpath"),
                ROOT.resolve("modules.json"), Optional.empty());
    }

    private static LocalModule module(String name) {
        Path directory = ROOT.resolve(name);
        return new LocalModule(name, directory, directory.resolve("pom.xml"), List.of(directory.resolve("src/main/java")),
                List.of(), List.of());
    }
}
