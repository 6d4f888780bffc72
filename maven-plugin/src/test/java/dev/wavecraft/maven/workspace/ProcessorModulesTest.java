package dev.wavecraft.maven.workspace;

import static dev.wavecraft.maven.workspace.MavenProjects.module;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling the module with the processor from its sources, before anything is compiled. */
class ProcessorModulesTest {

    @TempDir
    Path temp;

    @Test
    void theModuleWhoseResourcesListAProcessorHasOne() throws IOException {
        MavenProject parent = module(temp, "audio", "pom");
        MavenProject dsp = module(temp.resolve("dsp"), "dsp", "jar");
        MavenProject plugin = module(temp.resolve("plugin"), "plugin", "jar");
        write(temp.resolve("plugin/src/main/resources").resolve(ProcessorModules.SERVICE_FILE), "com.example.Gain");
        write(temp.resolve("src/main/resources").resolve(ProcessorModules.SERVICE_FILE), "listed, but a pom module");

        assertThat(new ProcessorModules(List.of(parent, dsp, plugin), Optional.empty()).withProcessor())
                .containsExactly(plugin);
    }

    @Test
    void aCompiledServiceFileOrTheConfiguredClassAmongTheSourcesCountsToo() throws IOException {
        MavenProject compiled = module(temp.resolve("compiled"), "compiled", "jar");
        write(temp.resolve("compiled/target/classes").resolve(ProcessorModules.SERVICE_FILE), "com.example.Gain");
        MavenProject named = module(temp.resolve("named"), "named", "jar");
        write(temp.resolve("named/src/main/java/com/example/Delay.java"), "class Delay {}");
        MavenProject other = module(temp.resolve("other"), "other", "jar");

        assertThat(new ProcessorModules(List.of(compiled, named, other), Optional.of("com.example.Delay"))
                .withProcessor()).containsExactly(compiled, named);
        assertThat(new ProcessorModules(List.of(named, other), Optional.empty()).withProcessor()).isEmpty();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
