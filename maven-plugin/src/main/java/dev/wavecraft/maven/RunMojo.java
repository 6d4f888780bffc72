package dev.wavecraft.maven;

import dev.wavecraft.devserver.processor.ProjectClasspath;
import dev.wavecraft.maven.DevLoop.FirstBuild;
import dev.wavecraft.maven.fork.DevServerLauncher;
import dev.wavecraft.maven.fork.DevServerProcess;
import dev.wavecraft.maven.fork.ForkPlan;
import dev.wavecraft.maven.fork.StopSignal;
import dev.wavecraft.maven.supervise.CrashWindow;
import dev.wavecraft.maven.supervise.ExitCodes;
import dev.wavecraft.maven.supervise.ServerLink;
import dev.wavecraft.maven.workspace.BuildScope;
import dev.wavecraft.maven.workspace.LocalModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Compiles the project, forks the dev server for its processor, hot-reloads it on every save,
 * and serves its parameters to a browser until Ctrl+C.
 *
 * <p>The goal builds the project itself, in the build JVM that later rebuilds run in: in a
 * multi-module project from the top-level POM, the processor's module with the local modules it
 * depends on ({@code -pl <module> -am}), so they come from their sources and nothing needs to be
 * installed first. That is also why it resolves no dependencies of its own: the build does, and
 * the {@code classpath} goal writes what it resolved.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.NONE, threadSafe = true)
public class RunMojo extends AbstractServerMojo {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** A server that dies this many times within the window is not restarted again. */
    private static final int CRASHES_BEFORE_GIVING_UP = 3;
    private static final Duration CRASH_WINDOW = Duration.ofMinutes(1);
    /**
     * Exit codes of a server that was meant to end: 0 after a stop message (wavecraft:stop), 130 and
     * 143 after SIGINT or SIGTERM (Ctrl+C reached the server too).
     */
    private static final List<Integer> STOPPED_EXIT_CODES = List.of(0, 130, 143);

    /** Whether to watch the sources, resources, POM and UI folder and hot-reload on every save. */
    @Parameter(property = "wavecraft.watch", defaultValue = "true")
    private boolean watch;

    @Inject
    public RunMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        super(toolchains, repositorySystem);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("run") || passedOver("run")) {
            return;
        }
        stopLeftoverServer();
        BuildScope scope = BuildScope.of(project().getFile().toPath());
        try (DevLoop devLoop = devLoop(scope)) {
            FirstBuild first = firstBuild(devLoop, scope);
            LocalModules modules = writtenByFirstBuild(workDirectory().modulesFile(), "list of modules to watch",
                    LocalModules::read);
            if (watch) {
                devLoop.watch(modules, Optional.of(first.startedAt()));
            }
            ForkPlan plan = plan(writtenByFirstBuild(workDirectory().classpathFile(), "classpath for the dev server",
                    ProjectClasspath::read));
            serve(plan, devLoop, scope, modules);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while stopping the build JVM", e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not watch the sources: " + e.getMessage(), e);
        }
    }

    /**
     * Builds before anything is forked, as the rebuilds after a POM change do: compiles, resolves
     * the classpath, and lists the modules of the dev loop with the roots the build saw.
     */
    private FirstBuild firstBuild(DevLoop devLoop, BuildScope scope)
            throws MojoFailureException, MojoExecutionException {
        getLog().info("Initial build of " + project().getArtifactId() + scope.module()
                .map(module -> " and the local modules it depends on, from " + scope.pom()).orElse("") + "...");
        FirstBuild first;
        try {
            // What an earlier run wrote must not pass for this build's.
            Files.deleteIfExists(workDirectory().classpathFile());
            Files.deleteIfExists(workDirectory().modulesFile());
            first = devLoop.firstBuild(workDirectory().firstBuildMarker(), !session().isOffline());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not prepare " + workDirectory().path() + " for the first build: "
                    + e.getMessage(), e);
        }
        if (!first.result().succeeded()) {
            terminal().initialBuildFailed(first.result());
            throw new MojoFailureException("The project did not build (see the errors above), so there is nothing"
                    + " to run yet. Fix them and run wavecraft:run again.");
        }
        getLog().info("Initial build done in " + first.result().buildMs() + " ms.");
        return first;
    }

    /** A file the first build's classpath goal wrote under target/wavecraft. */
    private <T> T writtenByFirstBuild(Path file, String what, FileReader<T> reader) throws MojoExecutionException {
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw new MojoExecutionException("The initial build wrote no " + what + " (" + e.getMessage() + ").", e);
        }
    }

    private interface FileReader<T> {
        T read(Path file) throws IOException;
    }

    private void serve(ForkPlan plan, DevLoop devLoop, BuildScope scope, LocalModules modules)
            throws MojoExecutionException, MojoFailureException {
        DevServerLauncher.Started started = launch(plan, "run");
        AtomicReference<DevServerProcess> server = new AtomicReference<>(started.process());
        Thread onMavenExit = new Thread(() -> server.get().kill(), "wavecraft-devserver-kill");
        Runtime.getRuntime().addShutdownHook(onMavenExit);
        try (ServerLink link = link(started, plan)) {
            if (watch) {
                connect(devLoop, link, plan, scope, modules);
            }
            getLog().info("Press Ctrl+C to stop.");
            serveUntilStopped(started.ready().port(), plan, link, server);
        } catch (MojoExecutionException | MojoFailureException e) {
            throw e;
        } catch (Exception e) {
            server.get().kill();
            throw new MojoExecutionException("Hot reload stopped working: " + e.getMessage(), e);
        } finally {
            removeShutdownHook(onMavenExit);
            forgetServer();
        }
    }

    /**
     * Blocks until Ctrl+C (a successful end). A server that dies on its own is restarted on the
     * same port with the classes it last loaded and the values it had, unless it keeps dying.
     */
    private void serveUntilStopped(int port, ForkPlan plan, ServerLink link, AtomicReference<DevServerProcess> current)
            throws MojoExecutionException, MojoFailureException {
        CompletableFuture<Void> stopRequested = new CompletableFuture<>();
        CrashWindow crashes = new CrashWindow(CRASHES_BEFORE_GIVING_UP, CRASH_WINDOW);
        try (StopSignal ignored = StopSignal.install(() -> stopRequested.complete(null))) {
            while (true) {
                DevServerProcess server = current.get();
                CompletableFuture.anyOf(stopRequested, server.onExit()).join();
                if (stopRequested.isDone()) {
                    getLog().info("Stopping the dev server...");
                    server.stop(STOP_GRACE);
                    getLog().info("Dev server stopped.");
                    return;
                }
                int exitCode = server.exitCode();
                if (STOPPED_EXIT_CODES.contains(exitCode)) {
                    getLog().info("Dev server stopped.");
                    return;
                }
                if (!crashes.recordAndAllowRestart(Instant.now())) {
                    throw new MojoFailureException("The dev server died " + crashes.limit() + " times within "
                            + crashes.window().toSeconds() + " s (last exit code " + exitCode + ", "
                            + ExitCodes.describe(exitCode) + "), so it is not restarted again. Look for the cause"
                            + " in its last output, fix it and run wavecraft:run again:" + System.lineSeparator()
                            + server.lastOutput());
                }
                current.set(restart(plan, port, link, exitCode));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.get().kill();
            throw new MojoExecutionException("Interrupted while the dev server was running", e);
        }
    }

    private DevServerProcess restart(ForkPlan plan, int port, ServerLink link, int exitCode)
            throws MojoExecutionException, MojoFailureException {
        int generation = link.lastGood().generation();
        int values = link.values().size();
        getLog().warn("The dev server exited unexpectedly with code " + exitCode + " (" + ExitCodes.describe(exitCode)
                + "). Restarting it on port " + port + " with the classes of generation " + generation
                + " (the last that loaded) and the " + values + " parameter values it had.");
        DevServerLauncher.Started started = launch(plan.restartedOn(port, link.lastGood().classpath()), "run");
        try {
            link.reconnect(started.ready().controlPort(), started.secret());
        } catch (IOException e) {
            started.process().kill();
            throw new MojoExecutionException("Could not reconnect to the restarted dev server: " + e.getMessage(), e);
        }
        getLog().info("Dev server restarted after a crash: generation " + generation + "'s code, " + values
                + " parameter values restored.");
        return started.process();
    }

    private void forgetServer() {
        try {
            stateFiles().delete();
        } catch (IOException e) {
            getLog().warn("Could not remove " + stateFiles().stateFile() + ": " + e.getMessage());
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, and the hook is running or has run.
        }
    }
}
