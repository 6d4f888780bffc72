package dev.wavecraft.maven.classpath;

import dev.wavecraft.devserver.processor.ProjectClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * The user project's runtime classpath for the dev server: its classes and its compile and runtime
 * dependencies, without the api jar, whose classes the server supplies itself so types match.
 */
public final class ProjectClasspathResolver {

    static final String API_KEY = "dev.wavecraft:wavecraft-api";
    private static final Set<String> RUNTIME_SCOPES =
            Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME, Artifact.SCOPE_SYSTEM);

    private ProjectClasspathResolver() {
    }

    public static ProjectClasspath resolve(MavenProject project) throws MojoFailureException {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (!Files.isDirectory(classes)) {
            throw new MojoFailureException("There are no compiled classes at " + classes
                    + ". Check that the project has sources under src/main/java and compiles with 'mvn compile'.");
        }
        List<Path> dependencies = project.getArtifacts().stream()
                .filter(artifact -> RUNTIME_SCOPES.contains(artifact.getScope()))
                .filter(artifact -> artifact.getArtifactHandler().isAddedToClasspath())
                .filter(artifact -> !API_KEY.equals(artifact.getGroupId() + ":" + artifact.getArtifactId()))
                .filter(artifact -> artifact.getFile() != null)
                .map(artifact -> artifact.getFile().toPath())
                .collect(Collectors.toList());
        return ProjectClasspath.of(classes, dependencies);
    }
}
