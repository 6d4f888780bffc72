package dev.wavecraft.maven.workspace;

import static dev.wavecraft.maven.workspace.MavenProjects.module;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which module of a build runs the dev server, told from the sources before anything is compiled. */
class ProcessorModulesTest {

    @TempDir
    Path temp;

    @Test
    void runsForTheModuleWhoseResourcesListAProcessorAndPassesOverTheOthers() throws Exception {
        MavenProject parent = module(temp, "audio", "pom");
        MavenProject dsp = module(temp.resolve("dsp"), "dsp", "jar");
        MavenProject plugin = module(temp.resolve("plugin"), "plugin", "jar");
        write(temp.resolve("plugin/src/main/resources").resolve(ProcessorModules.SERVICE_FILE), "com.example.Gain");
        write(temp.resolve("src/main/resources").resolve(ProcessorModules.SERVICE_FILE), "listed, but a pom module");
        ProcessorModules modules = new ProcessorModules(List.of(parent, dsp, plugin), Optional.empty());

        assertThat(modules.passOver(parent, temp, "run"))
                .contains("Passing over audio for wavecraft:run: a pom module; the dev server runs for plugin.");
        assertThat(modules.passOver(dsp, temp, "run"))
                .contains("Passing over dsp for wavecraft:run: no processor in this module; the dev server runs for plugin.");
        assertThat(modules.passOver(plugin, temp, "run")).isEmpty();
    }

    @Test
    void severalModulesWithAProcessorAreAnErrorThatNamesThemAndDashPl() throws Exception {
        MavenProject compiled = module(temp.resolve("effects/compiled"), "compiled", "jar");
        write(temp.resolve("effects/compiled/target/classes").resolve(ProcessorModules.SERVICE_FILE), "com.example.Gain");
        MavenProject named = module(temp.resolve("named"), "named", "jar");
        write(temp.resolve("named/src/main/java/com/example/Delay.java"), "class Delay {}");
        ProcessorModules modules = new ProcessorModules(List.of(compiled, named), Optional.of("com.example.Delay"));

        assertThatThrownBy(() -> modules.passOver(named, temp, "start")).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Several modules of this build have a processor: compiled, named.")
                .hasMessageContaining("mvn wavecraft:start -pl effects/compiled -am");
    }

    @Test
    void withNoProcessorAnywhereTheLastModuleWithCodeRunsToSayWhatIsMissing() throws Exception {
        MavenProject first = module(temp.resolve("first"), "first", "jar");
        MavenProject last = module(temp.resolve("last"), "last", "jar");
        MavenProject docs = module(temp.resolve("docs"), "docs", "pom");
        ProcessorModules modules = new ProcessorModules(List.of(first, last, docs), Optional.empty());

        assertThat(modules.passOver(first, temp, "run"))
                .contains("Passing over first for wavecraft:run: no processor in this module.");
        assertThat(modules.passOver(last, temp, "run")).isEmpty();
        assertThat(modules.passOver(docs, temp, "run")).isPresent();
    }

    @Test
    void aProjectBuiltAloneIsNeverPassedOver() throws Exception {
        MavenProject alone = module(temp, "alone", "pom");

        assertThat(new ProcessorModules(List.of(alone), Optional.empty()).passOver(alone, temp, "run")).isEmpty();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
