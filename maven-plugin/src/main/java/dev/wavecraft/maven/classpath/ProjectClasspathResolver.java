package dev.wavecraft.maven.classpath;

import dev.wavecraft.maven.workspace.ReactorModules;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * The user project's runtime classpath for the dev server: its classes, the classes of the local
 * modules it depends on, and its other compile and runtime dependencies, without the api jar, whose
 * classes the server supplies itself so types match. A dependency that is a project of this build
 * (a module of the same reactor) comes from its own output directory, never from a jar, so the
 * server snapshots and reloads it like the project's own classes.
 */
public final class ProjectClasspathResolver {

    static final String API_KEY = "dev.wavecraft:wavecraft-api";

    private ProjectClasspathResolver() {
    }

    /** @param reactor the projects of this Maven build, the project's own included */
    public static ProjectClasspath resolve(MavenProject project, List<MavenProject> reactor)
            throws MojoFailureException {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (!Files.isDirectory(classes)) {
            throw new MojoFailureException("There are no compiled classes at " + classes
                    + ". Check that the project has sources under src/main/java and compiles with 'mvn compile'.");
        }
        ReactorModules modules = new ReactorModules(reactor);
        List<Path> classesDirectories = new ArrayList<>(List.of(classes));
        List<Path> dependencies = new ArrayList<>();
        project.getArtifacts().stream()
                .filter(ReactorModules::atRunTime)
                .filter(artifact -> artifact.getArtifactHandler().isAddedToClasspath())
                .filter(artifact -> !API_KEY.equals(ReactorModules.key(artifact)))
                .forEach(artifact -> {
                    Optional<MavenProject> module = modules.moduleOf(artifact);
                    if (module.isPresent()) {
                        classesDirectories.add(Path.of(module.get().getBuild().getOutputDirectory()));
                    } else if (artifact.getFile() != null) {
                        dependencies.add(artifact.getFile().toPath());
                    }
                });
        return new ProjectClasspath(classesDirectories, dependencies);
    }
}
