package dev.wavecraft.maven.fork;

import dev.wavecraft.protocol.launch.EntryPoints;
import dev.wavecraft.protocol.launch.LaunchEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Forks the dev server and waits until it is ready: writes the two classpath files under
 * {@code target/wavecraft/}, builds the command line, and turns a failed start into an exception
 * that tells the user what to do.
 */
public final class DevServerLauncher {


    private final Log log;
    private final boolean showErrors;

    /** @param showErrors whether Maven runs with {@code -e}: then the user's stack traces are shown too */
    public DevServerLauncher(Log log, boolean showErrors) {
        this.log = log;
        this.showErrors = showErrors;
    }

    /** A started server, what it reported when it became ready, and its control channel's secret. */
    public record Started(DevServerProcess process, LaunchEvent ready, String secret) {
    }

    public Started launch(ForkPlan plan) throws MojoFailureException, MojoExecutionException {
        Path classpathFile = plan.options().classpathFile();
        List<String> command;
        try {
            plan.project().write(classpathFile);
            command = plan.jvm().command(EntryPoints.DEV_SERVER, plan.options().toArguments());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the dev server's classpath files next to "
                    + classpathFile + ": " + e.getMessage(), e);
        }
        log.debug("Dev server command: " + command);
        String secret = ControlSecret.generate();
        DevServerProcess process;
        try {
            process = DevServerProcess.start(command, plan.jvm().workingDirectory(), secret, log::info);
        } catch (IOException e) {
            throw new MojoFailureException("Could not start " + plan.jvm().java() + ": " + e.getMessage()
                    + ". Check JAVA_HOME or the jdk toolchain.", e);
        }
        return new Started(process, awaitReady(process, plan.startupTimeout()), secret);
    }

    private LaunchEvent awaitReady(DevServerProcess process, Duration startupTimeout)
            throws MojoFailureException, MojoExecutionException {
        Optional<LaunchEvent> event;
        try {
            event = process.awaitLaunch(startupTimeout);
        } catch (TimeoutException e) {
            process.kill();
            throw new MojoFailureException("The dev server did not become ready within " + startupTimeout.toSeconds()
                    + " s, so it was stopped. Raise -Dwavecraft.startupTimeout=<seconds> if it needs longer."
                    + " Its last output:" + System.lineSeparator() + process.lastOutput());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.kill();
            throw new MojoExecutionException("Interrupted while waiting for the dev server", e);
        }
        if (event.isPresent() && event.get().isReady()) {
            return event.get();
        }
        int exitCode = exitCode(process);
        if (event.isPresent()) {
            LaunchEvent failure = event.get();
            if (failure.detail() != null) {
                if (showErrors) {
                    log.error(failure.detail());
                } else {
                    log.debug(failure.detail());
                }
            }
            throw new MojoFailureException(failure.message());
        }
        throw new MojoFailureException("The dev server exited with code " + exitCode + " before it was ready."
                + " Check <jvmArguments> and the output above; its last lines:" + System.lineSeparator()
                + process.lastOutput());
    }

    private static int exitCode(DevServerProcess process) throws MojoExecutionException {
        try {
            return process.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while waiting for the dev server to exit", e);
        }
    }
}
