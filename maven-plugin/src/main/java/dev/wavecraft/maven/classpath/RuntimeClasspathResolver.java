package dev.wavecraft.maven.classpath;

import dev.wavecraft.protocol.failure.FailureText;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The forked server's own classpath: the runtime artifact of this plugin's version and what it
 * depends on, resolved like any plugin dependency (same repositories, same offline setting).
 */
public final class RuntimeClasspathResolver {

    static final String RUNTIME_COORDINATES = "dev.wavecraft:wavecraft-devserver-runtime:jar:";

    private final RepositorySystem repositorySystem;

    public RuntimeClasspathResolver(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    public List<Path> resolve(MavenSession session, MavenProject project, String pluginVersion)
            throws MojoExecutionException {
        CollectRequest collect = new CollectRequest(
                new Dependency(new DefaultArtifact(RUNTIME_COORDINATES + pluginVersion), "runtime"),
                project.getRemotePluginRepositories());
        try {
            return repositorySystem.resolveDependencies(session.getRepositorySession(),
                            new DependencyRequest(collect, null))
                    .getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(artifact -> artifact.getFile().toPath())
                    .collect(Collectors.toList());
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("Could not resolve the dev server runtime "
                    + RUNTIME_COORDINATES + pluginVersion + ": " + FailureText.of(e), e);
        }
    }
}
