package dev.wavecraft.maven.incremental;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.project.MavenProject;

/**
 * The compiled modules of the dev loop: where their classes and sources are, and whether the fast
 * compile path suits each. Written by the {@code classpath} goal inside a build (and by
 * {@code start} from its own build), read by the mojo that runs the rebuilds.
 */
public record CompileSetup(List<CompiledModule> modules) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    public CompileSetup {
        modules = List.copyOf(modules);
    }

    /**
     * The modules among {@code projects} that compile Java (pom modules do not).
     *
     * @param userProperties the build's {@code -D} properties, which set compiler parameters too
     */
    public static CompileSetup of(List<MavenProject> projects, Properties userProperties) {
        return new CompileSetup(projects.stream()
                .filter(project -> !"pom".equals(project.getPackaging()))
                .map(project -> new CompiledModule(project.getArtifactId(), project.getBuild().getOutputDirectory(),
                        project.getCompileSourceRoots(),
                        CompilerCheck.reasonToCompileWhole(project, userProperties).orElse(null)))
                .toList());
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, GSON.toJson(this), StandardCharsets.UTF_8);
    }

    static CompileSetup read(Path file) throws IOException {
        try {
            CompileSetup read = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), CompileSetup.class);
            if (read == null || read.modules() == null) {
                throw new IOException(file + " is empty");
            }
            return read;
        } catch (RuntimeException e) {
            // Gson's parse errors, and a record constructor refusing what it was given.
            throw new IOException(file + " does not describe the compiled modules: " + FailureText.of(e), e);
        }
    }

    /** Why some module only compiles safely whole, naming it, if one does. */
    Optional<String> compileWhole() {
        return modules.stream().filter(module -> module.compileWhole() != null)
                .map(module -> module.compileWhole() + " in " + module.name()).findFirst();
    }

    /** The module with the source root that holds {@code source}, and that root. */
    Optional<Map.Entry<CompiledModule, Path>> rootOf(Path source) {
        return modules.stream()
                .flatMap(module -> module.rootOf(source).map(root -> Map.entry(module, root)).stream())
                .max(Comparator.comparingInt(entry -> entry.getValue().getNameCount()));
    }
}
