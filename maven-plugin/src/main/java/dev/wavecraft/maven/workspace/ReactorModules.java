package dev.wavecraft.maven.workspace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/** The projects of one Maven build by groupId:artifactId: which dependency is a module of the same build. */
public final class ReactorModules {

    private static final Set<String> RUNTIME_SCOPES =
            Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME, Artifact.SCOPE_SYSTEM);

    private final Map<String, MavenProject> byKey;

    public ReactorModules(List<MavenProject> reactor) {
        this.byKey = reactor.stream().collect(Collectors.toMap(ReactorModules::key, Function.identity(), (a, b) -> a));
    }

    /**
     * The project of this build whose main artifact {@code artifact} is. A classified artifact (a
     * tests jar) is not: it is not the module's classes directory.
     */
    public Optional<MavenProject> moduleOf(Artifact artifact) {
        boolean mainArtifact = artifact.getClassifier() == null || artifact.getClassifier().isEmpty();
        return mainArtifact ? Optional.ofNullable(byKey.get(key(artifact))) : Optional.empty();
    }

    /** Whether {@code artifact} is on its project's classpath at run time (not provided, not for tests). */
    public static boolean atRunTime(Artifact artifact) {
        return RUNTIME_SCOPES.contains(artifact.getScope());
    }

    public static String key(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId();
    }

    private static String key(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId();
    }
}
