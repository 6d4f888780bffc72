package dev.wavecraft.maven;

import dev.wavecraft.maven.fork.DevServerLauncher;
import dev.wavecraft.maven.fork.DevServerProcess;
import dev.wavecraft.maven.fork.ForkPlan;
import dev.wavecraft.maven.fork.StopSignal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Compiles the project, forks the dev server for its processor, hot-reloads it on every save,
 * and serves its parameters to a browser until Ctrl+C.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class RunMojo extends AbstractServerMojo {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** Exit codes of a JVM ended by SIGINT or SIGTERM: Ctrl+C reached the server too. */
    private static final List<Integer> SIGNALLED_EXIT_CODES = List.of(130, 143);

    /** Whether to watch the sources, resources, POM and UI folder and hot-reload on every save. */
    @Parameter(property = "wavecraft.watch", defaultValue = "true")
    private boolean watch;

    @Inject
    public RunMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        super(toolchains, repositorySystem);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("run")) {
            return;
        }
        stopLeftoverServer();
        ForkPlan plan = plan();
        DevServerLauncher.Started started = launch(plan, "run");
        try (AutoCloseable hotReload = watch ? startHotReload(started, plan) : () -> { }) {
            getLog().info("Press Ctrl+C to stop.");
            serveUntilStopped(started.process());
        } catch (MojoExecutionException | MojoFailureException e) {
            throw e;
        } catch (Exception e) {
            started.process().kill();
            throw new MojoExecutionException("Hot reload stopped working: " + e.getMessage(), e);
        } finally {
            forgetServer();
        }
    }

    /** Blocks until Ctrl+C (a successful end) or until the server dies on its own (a failure). */
    private void serveUntilStopped(DevServerProcess server) throws MojoExecutionException, MojoFailureException {
        CompletableFuture<Void> stopRequested = new CompletableFuture<>();
        Thread onMavenExit = new Thread(server::kill, "wavecraft-devserver-kill");
        Runtime.getRuntime().addShutdownHook(onMavenExit);
        try (StopSignal ignored = StopSignal.install(() -> stopRequested.complete(null))) {
            CompletableFuture.anyOf(stopRequested, server.onExit()).join();
            if (stopRequested.isDone()) {
                getLog().info("Stopping the dev server...");
                server.stop(STOP_GRACE);
                getLog().info("Dev server stopped.");
                return;
            }
            int exitCode = server.exitCode();
            if (SIGNALLED_EXIT_CODES.contains(exitCode)) {
                getLog().info("Dev server stopped.");
                return;
            }
            throw new MojoFailureException("The dev server exited unexpectedly with code " + exitCode
                    + ". Its last output:" + System.lineSeparator() + server.lastOutput());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.kill();
            throw new MojoExecutionException("Interrupted while the dev server was running", e);
        } finally {
            removeShutdownHook(onMavenExit);
        }
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
