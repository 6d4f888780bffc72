package dev.wavecraft.maven.fork;

import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.launch.EntryPoints;
import dev.wavecraft.protocol.launch.LaunchEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Forks the dev server and waits until it is ready: writes the two classpath files under
 * {@code target/wavecraft/}, starts it through a {@link ForkLauncher} with a fresh secret, and turns
 * a failed start into an exception that tells the user what to do.
 */
public final class DevServerLauncher {

    private final ForkLauncher launcher;

    /** @param showErrors whether Maven runs with {@code -e}: then the user's stack traces are shown too */
    public DevServerLauncher(Log log, boolean showErrors) {
        this.launcher = new ForkLauncher(log, showErrors);
    }

    /** A started server, what it reported when it became ready, and its control channel's secret. */
    public record Started(ForkedProcess process, LaunchEvent ready, String secret) {
    }

    public Started launch(ForkPlan plan) throws MojoFailureException, MojoExecutionException {
        Path classpathFile = plan.options().classpathFile();
        try {
            plan.project().write(classpathFile);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the dev server's classpath file " + classpathFile
                    + ": " + FailureText.of(e), e);
        }
        String secret = ControlSecret.generate();
        ForkedProcess process = launcher.start(plan.jvm(), EntryPoints.DEV_SERVER, plan.options().toArguments(),
                Optional.of(secret));
        return new Started(process, awaitReady(process, plan.startupTimeout()), secret);
    }

    private LaunchEvent awaitReady(ForkedProcess process, Duration startupTimeout)
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
        throw launcher.failure(event, process, "The dev server", "before it was ready");
    }
}
