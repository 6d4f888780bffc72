package dev.wavecraft.maven.supervise;

import dev.wavecraft.maven.fork.DevServerLauncher;
import dev.wavecraft.maven.fork.ForkedProcess;
import dev.wavecraft.maven.fork.ForkPlan;
import dev.wavecraft.maven.fork.StopSignal;
import dev.wavecraft.protocol.control.ControlMessages.Reload;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Keeps {@code run}'s dev server up until Ctrl+C: a server that dies on its own is started again
 * on its port with the classes it last loaded and the values it had, unless it keeps dying.
 */
public final class ServerSupervisor {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** How long the output of a server that exited may take to arrive, with its last words. */
    private static final Duration OUTPUT_WAIT = Duration.ofSeconds(2);
    /** A server that dies this many times within the window is not restarted again. */
    private static final int CRASHES_BEFORE_GIVING_UP = 3;
    private static final Duration CRASH_WINDOW = Duration.ofMinutes(1);
    /**
     * Exit codes of a server that was meant to end: 0 after a stop message (wavecraft:stop), 130 and
     * 143 after SIGINT or SIGTERM (Ctrl+C reached the server too).
     */
    private static final List<Integer> STOPPED_EXIT_CODES = List.of(0, 130, 143);

    /** Forks a server for a plan and waits until it is ready, as the goal does at start. */
    public interface Launcher {
        DevServerLauncher.Started launch(ForkPlan plan) throws MojoExecutionException, MojoFailureException;
    }

    private final Log log;
    private final Launcher launcher;

    public ServerSupervisor(Log log, Launcher launcher) {
        this.log = log;
        this.launcher = launcher;
    }

    /**
     * Blocks until Ctrl+C (a successful end). A server that dies on its own is restarted on the
     * same port with the classes it last loaded and the values it had, unless it keeps dying.
     */
    public void serveUntilStopped(int port, ForkPlan plan, SupervisedControlClient control,
            AtomicReference<ForkedProcess> current)
            throws MojoExecutionException, MojoFailureException {
        CompletableFuture<Void> stopRequested = new CompletableFuture<>();
        CrashWindow crashes = new CrashWindow(CRASHES_BEFORE_GIVING_UP, CRASH_WINDOW);
        try (StopSignal ignored = StopSignal.install(() -> stopRequested.complete(null))) {
            while (true) {
                ForkedProcess server = current.get();
                CompletableFuture.anyOf(stopRequested, server.onExit()).join();
                if (stopRequested.isDone()) {
                    log.info("Stopping the dev server...");
                    server.stop(STOP_GRACE);
                    log.info("Dev server stopped.");
                    return;
                }
                int exitCode = server.exitCode();
                if (STOPPED_EXIT_CODES.contains(exitCode)) {
                    log.info("Dev server stopped.");
                    return;
                }
                server.awaitOutputEnd(OUTPUT_WAIT);
                Optional<Reload> loading = control.takeDiedLoading();
                String cause = ExitCodes.describe(exitCode, server.lastOutput())
                        + loading.map(ServerSupervisor::whileLoading).orElse("");
                // A build that kills the server while it loads is the user's to fix, and is not loaded
                // again: it cannot make the server die over and over, so it does not count.
                if (loading.isEmpty() && !crashes.recordAndAllowRestart(Instant.now())) {
                    throw new MojoFailureException("The dev server died " + crashes.limit() + " times within "
                            + crashes.window().toSeconds() + " s (last exit code " + exitCode + ", " + cause
                            + "), so it is not restarted again. Look for the cause in its last output, fix it"
                            + " and run wavecraft:run again:"
                            + System.lineSeparator() + server.lastOutput());
                }
                current.set(restart(plan, port, control, exitCode, cause, loading.isPresent()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.get().kill();
            throw new MojoExecutionException("Interrupted while the dev server was running", e);
        }
    }

    private ForkedProcess restart(ForkPlan plan, int port, SupervisedControlClient control, int exitCode,
            String cause, boolean diedLoading) throws MojoExecutionException, MojoFailureException {
        int generation = control.lastGood().generation();
        int values = control.values().size();
        log.warn("The dev server exited unexpectedly with code " + exitCode + " (" + cause + "). Restarting it on port "
                + port + " with the classes of generation " + generation + " (the last that loaded) and the " + values
                + " parameter values it had." + (diedLoading ? " The build it was loading is not loaded again;"
                + " the next save is." : ""));
        DevServerLauncher.Started started = launcher.launch(plan.restartedOn(port, control.lastGood().classpath()));
        try {
            control.reconnect(started.ready().controlPort(), started.secret());
        } catch (IOException e) {
            started.process().kill();
            throw new MojoExecutionException("Could not reconnect to the restarted dev server: " + FailureText.of(e), e);
        }
        log.info("Dev server restarted after a crash: generation " + generation + "'s code, " + values
                + " parameter values restored.");
        return started.process();
    }

    private static String whileLoading(Reload reload) {
        List<String> files = reload.report() == null ? List.of() : reload.report().files();
        return files.isEmpty() ? " while loading a build" : " while loading the save of " + String.join(", ", files);
    }
}
