package dev.wavecraft.maven.warm;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.eventspy.AbstractEventSpy;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionResult;
import org.apache.maven.lifecycle.LifecycleExecutionException;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.classworlds.realm.ClassRealm;

/**
 * Decides whether the container kept from earlier builds may serve the next one. Told by Maven
 * of each build's request and result (it is an event spy in every container), it records, after
 * the build, the files the container's state came from: the POMs of the projects and of their
 * local parents, the settings and toolchains files, {@code .mvn/extensions.xml}, and every jar of
 * the realms it made for plugins and extensions. A change to any of them means a new container.
 * So does a build that cannot leave a container safe for the next one: one that failed outside
 * its mojos' own work (Maven may have kept that failure, e.g. an unresolvable plugin), or that
 * loaded a plugin or extension from inside the project, or one named in
 * {@value #UNCACHED_PLUGINS} (a plugin that keeps static state between runs).
 */
final class ContainerReuse extends AbstractEventSpy {

    /** Comma-separated {@code groupId:artifactId} of plugins whose builds each get a fresh container. */
    static final String UNCACHED_PLUGINS = "wavecraft.warmBuild.uncachedPlugins";

    private MavenExecutionRequest request;
    private MavenExecutionResult result;
    private FileTime buildStart = FileTime.from(Instant.now());
    private InputStamps inputs = InputStamps.none();
    private String unsafeBecause;

    @Override
    public void onEvent(Object event) {
        if (event instanceof MavenExecutionRequest) {
            request = (MavenExecutionRequest) event;
            buildStart = FileTime.from(Instant.now());
        } else if (event instanceof MavenExecutionResult) {
            result = (MavenExecutionResult) event;
        }
    }

    /** Why the kept container must not serve the next build, if it must not. */
    Optional<String> staleBecause() {
        return Optional.ofNullable(unsafeBecause).or(() -> inputs.firstChanged().map(file -> file + " changed"));
    }

    /**
     * Records what the build that just ended leaves behind.
     *
     * @param realms the realms the kept container made so far
     */
    void afterBuild(List<ClassRealm> realms) {
        MavenExecutionRequest built = request;
        MavenExecutionResult outcome = result;
        request = null;
        result = null;
        if (built == null || outcome == null) {
            // Maven stopped before the build (a bad argument or settings file): nothing was cached.
            return;
        }
        List<Path> files = new ArrayList<>();
        outcome.getTopologicallySortedProjects().forEach(project -> files.addAll(pomsOf(project)));
        Stream.of(built.getUserSettingsFile(), built.getGlobalSettingsFile(), built.getUserToolchainsFile(),
                built.getGlobalToolchainsFile()).filter(Objects::nonNull).forEach(file -> files.add(file.toPath()));
        Path root = projectRoot(built);
        files.add(root.resolve(".mvn").resolve("extensions.xml"));
        realms.forEach(realm -> files.addAll(filesOf(realm)));
        inputs = InputStamps.of(files);
        Optional<Path> repository = Optional.ofNullable(built.getLocalRepositoryPath()).map(ContainerReuse::normalized);
        unsafeBecause = failureOutsideMojos(outcome)
                .or(() -> realmFromProject(realms, root, repository))
                .or(() -> uncachedPlugin(realms, built.getUserProperties().getProperty(UNCACHED_PLUGINS, "")))
                .or(() -> inputs.firstModifiedAfter(buildStart).map(file -> file + " changed during the last build"))
                .orElse(null);
    }

    private static List<Path> pomsOf(MavenProject project) {
        List<Path> poms = new ArrayList<>();
        for (MavenProject current = project; current != null; current = current.getParent()) {
            if (current.getFile() != null) {
                poms.add(current.getFile().toPath());
            }
        }
        return poms;
    }

    private static Optional<String> failureOutsideMojos(MavenExecutionResult outcome) {
        return outcome.getExceptions().stream()
                .filter(problem -> !(problem instanceof LifecycleExecutionException
                        && problem.getCause() instanceof AbstractMojoExecutionException))
                .findFirst()
                .map(problem -> "the last build failed outside its plugins' own work ("
                        + problem.getClass().getSimpleName() + ")");
    }

    /** A realm with a file inside the project but outside the local repository (which may lie inside it). */
    private static Optional<String> realmFromProject(List<ClassRealm> realms, Path root, Optional<Path> repository) {
        return realms.stream()
                .filter(realm -> filesOf(realm).stream()
                        .anyMatch(file -> file.startsWith(root) && !repository.map(file::startsWith).orElse(false)))
                .findFirst()
                .map(realm -> realm.getId() + " was loaded from this project's own modules");
    }

    private static Optional<String> uncachedPlugin(List<ClassRealm> realms, String listed) {
        return Arrays.stream(listed.split(","))
                .map(String::trim)
                .filter(plugin -> !plugin.isEmpty())
                .filter(plugin -> realms.stream().anyMatch(realm -> realm.getId().startsWith("plugin>" + plugin + ":")
                        || realm.getId().startsWith("extension>" + plugin + ":")))
                .findFirst()
                .map(plugin -> "the last build used " + plugin + ", listed in -D" + UNCACHED_PLUGINS);
    }

    private static List<Path> filesOf(ClassRealm realm) {
        List<Path> files = new ArrayList<>();
        for (URL url : realm.getURLs()) {
            if (url.getProtocol().equals("file")) {
                try {
                    files.add(Path.of(url.toURI()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // Not a path this check can watch; Maven made the realm from artifacts, which are files.
                }
            }
        }
        return files;
    }

    private static Path projectRoot(MavenExecutionRequest built) {
        return normalized(built.getMultiModuleProjectDirectory() != null ? built.getMultiModuleProjectDirectory()
                : new File(built.getBaseDirectory()));
    }

    private static Path normalized(File file) {
        return file.toPath().toAbsolutePath().normalize();
    }
}
