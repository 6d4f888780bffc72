package dev.wavecraft.maven.fork;

import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.launch.LaunchEvent;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Starts a runtime JVM and reads how it went: what the dev server's launcher and the renderer's
 * share. The command line goes to the debug log, the fork's output to the info log, and a failure
 * it reports becomes an exception that says what to do.
 */
public final class ForkLauncher {

    private final Log log;
    private final boolean showErrors;

    /** @param showErrors whether Maven runs with {@code -e}: then the user's stack traces are shown too */
    public ForkLauncher(Log log, boolean showErrors) {
        this.log = log;
        this.showErrors = showErrors;
    }

    /**
     * Starts {@code mainClass} in the JVM {@code jvm} describes, writing its argfile.
     *
     * @param secret the first line of the fork's input, for the dev server's control channel
     */
    public ForkedProcess start(JvmPlan jvm, String mainClass, List<String> arguments, Optional<String> secret)
            throws MojoFailureException, MojoExecutionException {
        List<String> command;
        try {
            command = jvm.command(mainClass, arguments);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write " + jvm.argFile() + ": " + FailureText.of(e), e);
        }
        log.debug("Forked JVM command: " + command);
        try {
            return ForkedProcess.start(command, jvm.workingDirectory(), secret, log::info);
        } catch (IOException e) {
            throw new MojoFailureException("Could not start " + jvm.java() + ": " + FailureText.of(e)
                    + ". Check JAVA_HOME or the jdk toolchain.", e);
        }
    }

    /**
     * The failure to report for a fork that said it failed, or that ended without saying anything.
     *
     * @param event what the fork reported, if anything
     * @param what the fork as the message names it, e.g. "The dev server"
     * @param before what it did not get to, e.g. "before it was ready"
     */
    public MojoFailureException failure(Optional<LaunchEvent> event, ForkedProcess process, String what,
            String before) throws MojoExecutionException {
        // Waits for the fork to finish exiting, so it is gone when the build fails.
        int exitCode = exitCode(process);
        if (event.isPresent()) {
            LaunchEvent failed = event.get();
            if (failed.detail() != null) {
                if (showErrors) {
                    log.error(failed.detail());
                } else {
                    log.debug(failed.detail());
                }
            }
            return new MojoFailureException(failed.message());
        }
        return new MojoFailureException(what + " exited with code " + exitCode + " " + before
                + ". Check <jvmArguments> and the output above; its last lines:" + System.lineSeparator()
                + process.lastOutput());
    }

    private static int exitCode(ForkedProcess process) throws MojoExecutionException {
        try {
            return process.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while waiting for the forked JVM to exit", e);
        }
    }
}
