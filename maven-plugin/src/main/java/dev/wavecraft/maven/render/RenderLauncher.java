package dev.wavecraft.maven.render;

import dev.wavecraft.maven.fork.ForkLauncher;
import dev.wavecraft.maven.fork.ForkedProcess;
import dev.wavecraft.maven.fork.JvmPlan;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.launch.EntryPoints;
import dev.wavecraft.protocol.launch.LaunchEvent;
import dev.wavecraft.protocol.options.RenderOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Renders in a forked JVM, as {@code run} forks the dev server: the same launcher, toolchain, JVM
 * arguments and runtime jars. Writes the project's classpath file, starts the runtime's renderer,
 * streams its output to the log and waits, however long the render takes, for its one launch line:
 * {@code rendered}, or {@code failed} with the message the build fails with. Maven's heap never
 * holds the audio, and a processor that hangs is the fork's to stop.
 */
public final class RenderLauncher {

    /** How long a renderer that has reported may take to exit before it is killed. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

    private final ForkLauncher launcher;

    /** @param showErrors whether Maven runs with {@code -e}: then the user's stack traces are shown too */
    public RenderLauncher(Log log, boolean showErrors) {
        this.launcher = new ForkLauncher(log, showErrors);
    }

    /**
     * @return the {@code rendered} event, whose message says what was written
     * @throws MojoFailureException with the renderer's message when the render failed
     */
    public LaunchEvent render(JvmPlan jvm, ProjectClasspath project, RenderOptions options)
            throws MojoFailureException, MojoExecutionException {
        try {
            project.write(options.classpathFile());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the renderer's classpath file "
                    + options.classpathFile() + ": " + FailureText.of(e), e);
        }
        ForkedProcess process = launcher.start(jvm, EntryPoints.RENDER, options.toArguments(), Optional.empty());
        try {
            Optional<LaunchEvent> event = process.awaitLaunch();
            if (event.isPresent() && event.get().isRendered()) {
                return event.get();
            }
            throw launcher.failure(event, process, "The renderer", "before it finished");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.kill();
            throw new MojoExecutionException("Interrupted while rendering", e);
        } finally {
            stop(process);
        }
    }

    /** The renderer exits by itself once it has reported; this makes sure it is gone. */
    private static void stop(ForkedProcess process) {
        try {
            process.stop(EXIT_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.kill();
        }
    }
}
