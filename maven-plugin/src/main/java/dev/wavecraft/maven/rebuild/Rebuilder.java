package dev.wavecraft.maven.rebuild;

import dev.wavecraft.protocol.failure.FailureText;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.InvocationOutputHandler;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenInvocationException;

/**
 * Reruns the project's compile lifecycle through the Invoker: a new request each time, batch
 * mode, the running Maven's settings and local repository, offline unless the POM changed, with
 * a timeout. In a multi-module project it builds from the top-level POM the processor's module
 * and the local modules it depends on, as one reactor. A failed build is an ordinary outcome,
 * not an exception.
 */
public final class Rebuilder implements AutoCloseable {

    private final BuildEnvironment environment;
    private final MavenRunner maven;

    public Rebuilder(BuildEnvironment environment, MavenRunner maven) {
        this.environment = environment;
        this.maven = maven;
    }

    /** Lets the runner get ready for builds of {@code goals}, e.g. warm up a build JVM. */
    public void prepare(List<String> goals) {
        maven.prepare(request(goals, false, Map.of(), line -> { }));
    }

    /**
     * @param goals what to run, e.g. {@code process-classes}
     * @param resolveOnline whether the build may reach remote repositories (after a POM change)
     */
    public BuildResult build(List<String> goals, boolean resolveOnline) {
        return build(goals, resolveOnline, Map.of());
    }

    /**
     * @param extraProperties set for this build besides the running Maven's own {@code -D} properties,
     *     which win where both set one
     */
    public BuildResult build(List<String> goals, boolean resolveOnline, Map<String, String> extraProperties) {
        List<String> output = new ArrayList<>();
        InvocationRequest request = request(goals, resolveOnline, extraProperties, line -> {
            synchronized (output) {
                output.add(line);
            }
        });
        long start = System.nanoTime();
        InvocationResult result;
        try {
            result = maven.run(request);
        } catch (MavenInvocationException e) {
            return new BuildResult(false, millisSince(start), List.of(), String.join("\n", output),
                    "Could not run Maven from " + environment.mavenHome() + ": " + FailureText.of(e));
        }
        long buildMs = millisSince(start);
        List<String> lines;
        synchronized (output) {
            lines = List.copyOf(output);
        }
        // A build stopped at the time limit ends with an execution exception from a fresh Maven and
        // with an exit code from the warm one: either way, the limit is what to report.
        boolean timedOut = buildMs >= environment.timeout().toMillis();
        if (result.getExecutionException() != null && !timedOut) {
            return new BuildResult(false, buildMs, List.of(), String.join("\n", lines),
                    "Maven could not be started: " + result.getExecutionException().getMessage());
        }
        if (result.getExitCode() != 0 || timedOut) {
            String problem = timedOut ? "The build took longer than " + environment.timeout().toSeconds()
                    + " s and was stopped; raise -Dwavecraft.buildTimeout=<seconds>" : null;
            return new BuildResult(false, buildMs, CompilerOutputParser.parse(lines, environment.projectDirectory()),
                    String.join("\n", lines), problem);
        }
        return new BuildResult(true, buildMs, List.of(), String.join("\n", lines), null);
    }

    private InvocationRequest request(List<String> goals, boolean resolveOnline, Map<String, String> extraProperties,
            InvocationOutputHandler output) {
        InvocationRequest request = new DefaultInvocationRequest()
                .setPomFile(environment.pom().toFile())
                .setBaseDirectory(environment.projectDirectory().toFile())
                .addArgs(goals)
                .setBatchMode(true)
                .setQuiet(true)
                .setOffline(environment.offline() || !resolveOnline)
                .setLocalRepositoryDirectory(environment.localRepository().toFile())
                .setJavaHome(new File(System.getProperty("java.home")))
                .setMavenOpts(environment.mavenOpts())
                .setOutputHandler(output)
                .setErrorHandler(output);
        environment.module().ifPresent(module -> request.setProjects(List.of(module)).setAlsoMake(true));
        if (!environment.profiles().isEmpty()) {
            request.setProfiles(environment.profiles());
        }
        request.setTimeoutInSeconds((int) environment.timeout().toSeconds());
        environment.userSettings().ifPresent(file -> request.setUserSettingsFile(file.toFile()));
        environment.globalSettings().ifPresent(file -> request.setGlobalSettingsFile(file.toFile()));
        Properties properties = new Properties();
        properties.putAll(extraProperties);
        properties.putAll(environment.properties());
        request.setProperties(properties);

        return request;
    }

    @Override
    public void close() {
        maven.close();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Where and how the builds run, taken once from the running Maven.
     *
     * @param projectDirectory where builds run: the top-level project's directory in a multi-module project
     * @param pom the POM builds start from, the top-level one in a multi-module project
     * @param module the processor's module, built with the local modules it depends on ({@code -pl -am});
     *     absent when {@code pom} is its own
     * @param profiles the profiles the running Maven was asked for, {@code !id} for those switched off
     * @param offline whether the running Maven is offline; then every build is
     */
    public record BuildEnvironment(
            Path mavenHome,
            Path projectDirectory,
            Path pom,
            Optional<String> module,
            Path localRepository,
            Optional<Path> userSettings,
            Optional<Path> globalSettings,
            Map<String, String> properties,
            List<String> profiles,
            String mavenOpts,
            boolean offline,
            Duration timeout) {
    }
}
