package dev.wavecraft.maven.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.project.MavenProject;

/**
 * Which module of a build runs the dev server: the one with a processor, known from its sources
 * before anything is compiled (the service file among its resources, or the configured processor
 * class among its sources), or from its compiled classes.
 */
public final class ProcessorModules {

    static final String SERVICE_FILE = "META-INF/services/dev.wavecraft.api.Processor";
    private static final String POM_PACKAGING = "pom";

    private final List<MavenProject> withProcessor;

    /**
     * @param reactor the projects of this build
     * @param processorClass the configured processor class, if any
     */
    public ProcessorModules(List<MavenProject> reactor, Optional<String> processorClass) {
        this.withProcessor = reactor.stream().filter(project -> hasProcessor(project, processorClass)).toList();
    }

    public List<MavenProject> withProcessor() {
        return withProcessor;
    }

    static boolean hasProcessor(MavenProject project, Optional<String> processorClass) {
        if (isPom(project)) {
            return false;
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        Stream<Path> serviceFiles = Stream.concat(
                project.getResources().stream().map(resource -> Path.of(resource.getDirectory())),
                Stream.of(classes)).map(root -> root.resolve(SERVICE_FILE));
        if (serviceFiles.anyMatch(Files::isRegularFile)) {
            return true;
        }
        if (processorClass.isEmpty()) {
            return false;
        }
        String file = processorClass.get().trim().replace('.', '/');
        return Files.isRegularFile(classes.resolve(file + ".class")) || project.getCompileSourceRoots().stream()
                .anyMatch(root -> Files.isRegularFile(Path.of(root).resolve(file + ".java")));
    }

    public static boolean isPom(MavenProject project) {
        return POM_PACKAGING.equals(project.getPackaging());
    }
}
