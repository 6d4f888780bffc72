package dev.wavecraft.maven.rebuild;

import dev.wavecraft.maven.fork.JavaExecutable;
import dev.wavecraft.maven.fork.JvmArguments;
import dev.wavecraft.maven.warm.WarmMaven;
import dev.wavecraft.maven.warm.WorkerSpec;
import dev.wavecraft.maven.workspace.BuildScope;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/** Reads from the running Maven how rebuilds must run, and picks a warm or a fresh Maven for them. */
final class BuildSetup {

    /** JIT tier for build JVMs: the quick tier suits short builds on few cores. */
    private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
    private static final int FIRST_JDK_RESTRICTING_NATIVE_ACCESS = 22;
    private static final int FIRST_JDK_WARNING_ABOUT_UNSAFE = 24;

    private final MavenSession session;
    private final MavenProject project;
    private final Log log;

    BuildSetup(MavenSession session, MavenProject project, Log log) {
        this.session = session;
        this.project = project;
        this.log = log;
    }

    /**
     * @param warm whether to keep one Maven JVM warm for all rebuilds
     * @param warmConfiguration where the warm JVM's classworlds configuration is written
     */
    Rebuilder rebuilder(boolean warm, Duration timeout, Path warmConfiguration, BuildScope scope)
            throws MojoFailureException {
        Path mavenHome = Path.of(System.getProperty("maven.home"));
        String mavenOpts = Optional.ofNullable(System.getenv("MAVEN_OPTS")).orElse("");
        MavenRunner fresh = new ForkedMaven(mavenHome);
        MavenRunner runner = warm
                ? new WarmMaven(workerSpec(mavenHome, mavenOpts, warmConfiguration, scope), fresh, log::info,
                        log::debug) : fresh;
        return new Rebuilder(environment(mavenHome, QUICK_JIT + " " + mavenOpts, timeout, scope), runner);
    }

    private Rebuilder.BuildEnvironment environment(Path mavenHome, String mavenOpts, Duration timeout,
            BuildScope scope) {
        MavenExecutionRequest request = session.getRequest();
        Map<String, String> properties = new HashMap<>();
        session.getUserProperties().forEach((name, value) -> properties.put(name.toString(), value.toString()));
        properties.put(BuildGoals.CLASSPATH_MODULE_PROPERTY, project.getGroupId() + ":" + project.getArtifactId());
        List<String> profiles = new ArrayList<>(request.getActiveProfiles());
        request.getInactiveProfiles().forEach(profile -> profiles.add("!" + profile));
        return new Rebuilder.BuildEnvironment(
                mavenHome,
                scope.directory(),
                scope.pom(),
                scope.module(),
                request.getLocalRepositoryPath().toPath(),
                existing(request.getUserSettingsFile()),
                existing(request.getGlobalSettingsFile()),
                properties,
                profiles,
                mavenOpts.trim(),
                session.isOffline(),
                timeout);
    }

    /** The warm JVM starts like {@code bin/mvn} starts Maven: same JDK, jvm.config and MAVEN_OPTS. */
    private WorkerSpec workerSpec(Path mavenHome, String mavenOpts, Path warmConfiguration, BuildScope scope)
            throws MojoFailureException {
        Path java = JavaExecutable.find(Optional.empty(), System.getProperty("java.home"), System.getProperty("os.name"));
        Path multiModuleDirectory = scope.multiModuleDirectory();
        List<String> options = new ArrayList<>();
        int feature = JavaExecutable.featureVersion(java);
        if (feature >= FIRST_JDK_RESTRICTING_NATIVE_ACCESS) {
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= FIRST_JDK_WARNING_ABOUT_UNSAFE) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        options.add(QUICK_JIT);
        options.addAll(JvmArguments.parse(jvmConfig(multiModuleDirectory)));
        options.addAll(JvmArguments.parse(mavenOpts));
        log.debug("Warm build JVM options: " + options);
        return new WorkerSpec(java, options, mavenHome, scope.directory(), warmConfiguration,
                multiModuleDirectory);
    }

    private static String jvmConfig(Path multiModuleDirectory) {
        Path file = multiModuleDirectory.resolve(".mvn").resolve("jvm.config");
        try {
            return Files.isRegularFile(file) ? String.join(" ", Files.readAllLines(file)) : "";
        } catch (IOException e) {
            // Unreadable: the warm JVM starts without those options, and the fresh builds would fail on it too.
            return "";
        }
    }

    private static Optional<Path> existing(File file) {
        return file != null && file.isFile() ? Optional.of(file.toPath()) : Optional.empty();
    }
}
