package dev.wavecraft.maven.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Which module of a build runs the dev server: the one with a processor, known from its sources
 * before anything is compiled (the service file among its resources, or the configured processor
 * class among its sources), or from its compiled classes.
 */
public final class ProcessorModules {

    static final String SERVICE_FILE = "META-INF/services/dev.wavecraft.api.Processor";
    private static final String POM_PACKAGING = "pom";

    private final List<MavenProject> reactor;
    private final List<MavenProject> withProcessor;

    /**
     * @param reactor the projects of this build
     * @param processorClass the configured processor class, if any
     */
    public ProcessorModules(List<MavenProject> reactor, Optional<String> processorClass) {
        this.reactor = List.copyOf(reactor);
        this.withProcessor = reactor.stream().filter(project -> hasProcessor(project, processorClass)).toList();
    }

    /**
     * Whether {@code goal} passes over {@code project}, and why: in a build of several projects it
     * runs for the one module with a processor. With none anywhere, the last module with code runs
     * it, so that the dev server says what is missing.
     *
     * @param topLevel the directory of the build's top-level project, for the {@code -pl} advice
     * @return the line to log when the project is passed over
     * @throws MojoFailureException when several modules have a processor
     */
    public Optional<String> passOver(MavenProject project, Path topLevel, String goal) throws MojoFailureException {
        if (reactor.size() <= 1) {
            return Optional.empty();
        }
        if (withProcessor.size() > 1) {
            throw new MojoFailureException("Several modules of this build have a processor: " + withProcessor.stream()
                    .map(MavenProject::getArtifactId).collect(Collectors.joining(", ")) + ". Choose the one to run"
                    + " with -pl and -am, e.g. mvn wavecraft:" + goal + " -pl "
                    + topLevel.relativize(withProcessor.get(0).getBasedir().toPath()).toString().replace('\\', '/')
                    + " -am");
        }
        MavenProject lastWithCode = reactor.stream().filter(module -> !isPom(module))
                .reduce((first, second) -> second).orElse(null);
        if (withProcessor.contains(project) || withProcessor.isEmpty() && project == lastWithCode) {
            return Optional.empty();
        }
        return Optional.of("Passing over " + project.getArtifactId() + " for wavecraft:" + goal + ": "
                + (isPom(project) ? "a pom module" : "no processor in this module")
                + withProcessor.stream().map(module -> "; the dev server runs for " + module.getArtifactId())
                        .findFirst().orElse("") + ".");
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
