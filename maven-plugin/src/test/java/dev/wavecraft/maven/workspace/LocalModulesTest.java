package dev.wavecraft.maven.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modules of the dev loop as the classpath goal writes them and run reads them. */
class LocalModulesTest {

    @TempDir
    Path temp;

    private final Path root = Path.of("/work/audio");
    private final LocalModule plugin = module("plugin", List.of(root.resolve("plugin/src/main/java")));
    private final LocalModule dsp = new LocalModule("dsp", root.resolve("dsp"), root.resolve("dsp/pom.xml"),
            List.of(root.resolve("dsp/src/main/java"), root.resolve("dsp/src/gen/java")),
            List.of(root.resolve("dsp/src/main/resources")), List.of(root.resolve("dsp/src/main/java-templates")));
    private final LocalModule parent = new LocalModule("audio", root, root.resolve("pom.xml"), List.of(), List.of(),
            List.of());

    @Test
    void survivesTheRoundTripThroughItsFile() throws IOException {
        LocalModules modules = new LocalModules(List.of(plugin, dsp, parent));
        Path file = temp.resolve("wavecraft/modules.json");

        modules.write(file);

        assertThat(LocalModules.read(file)).isEqualTo(modules);
    }

    @Test
    void collectsTheRootsAndPomsOfEveryModule() {
        LocalModules modules = new LocalModules(List.of(plugin, dsp, parent));

        assertThat(modules.sourceRoots()).containsExactly(root.resolve("plugin/src/main/java"),
                root.resolve("dsp/src/main/java"), root.resolve("dsp/src/gen/java"));
        assertThat(modules.inputRoots()).containsExactly(root.resolve("dsp/src/main/java-templates"));
        assertThat(modules.poms()).containsExactly(root.resolve("plugin/pom.xml"), root.resolve("dsp/pom.xml"),
                root.resolve("pom.xml"));
        assertThat(modules.isMultiModule()).isTrue();
    }

    @Test
    void aFileBelongsToTheDeepestModuleThatHoldsIt() {
        LocalModules modules = new LocalModules(List.of(plugin, dsp, parent));

        assertThat(modules.ownerOf(root.resolve("dsp/src/main/java/Gain.java"))).contains(dsp);
        assertThat(modules.ownerOf(root.resolve("pom.xml"))).contains(parent);
        assertThat(modules.ownerOf(Path.of("/elsewhere/Gain.java"))).isEmpty();
    }

    @Test
    void aFileThatIsNoListOfModulesIsAClearError() throws IOException {
        Path file = Files.writeString(temp.resolve("modules.json"), "[1, 2");

        assertThatThrownBy(() -> LocalModules.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }

    private LocalModule module(String name, List<Path> sources) {
        return new LocalModule(name, root.resolve(name), root.resolve(name + "/pom.xml"), sources,
                List.of(root.resolve(name + "/src/main/resources")), List.of());
    }
}
