package dev.wavecraft.maven;

import dev.wavecraft.maven.lifecycle.BackgroundServer;
import dev.wavecraft.maven.lifecycle.ServerState;
import dev.wavecraft.maven.lifecycle.ServerStopper;
import dev.wavecraft.maven.lifecycle.StateFiles;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Stops the dev server that {@code wavecraft:start} left running: asks it over its control
 * channel, waits, then kills it by pid, after checking that the pid still belongs to the process
 * that was started. When nothing runs it says so and succeeds.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractMojo {

    /** Seconds the server may take to exit after being asked, before it is killed. */
    @Parameter(property = "wavecraft.stopTimeout", defaultValue = "10")
    private int stopTimeout;

    /** Skips the goal. */
    @Parameter(property = "wavecraft.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping wavecraft:stop (wavecraft.skip is true)");
            return;
        }
        BackgroundServer started = (BackgroundServer) getPluginContext().remove(BackgroundServer.CONTEXT_KEY);
        StateFiles files = WorkDirectory.of(project).stateFiles();
        try {
            if (started != null) {
                started.hotReload().close();
            }
            Optional<ServerStopper.Stopped> stopped = new ServerStopper(Duration.ofSeconds(stopTimeout),
                    getLog()::warn).stopRecorded(files);
            if (stopped.isEmpty()) {
                getLog().info("No dev server is running for this project (there is no " + files.stateFile() + ").");
            } else {
                report(stopped.get().state(), files, stopped.get().outcome());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while stopping the dev server", e);
        } catch (Exception e) {
            throw new MojoExecutionException("Could not stop the dev server cleanly: " + FailureText.of(e), e);
        } finally {
            if (started != null) {
                started.process().kill();
                closeQuietly(started);
            }
        }
    }

    private void report(ServerState state, StateFiles files, ServerStopper.Outcome outcome) {
        switch (outcome) {
            case ASKED -> getLog().info("Dev server stopped (pid " + state.pid() + ").");
            case KILLED -> getLog().warn("The dev server did not stop within " + stopTimeout + " s when asked;"
                    + " killed pid " + state.pid() + ".");
            default -> getLog().info("The dev server recorded in " + files.stateFile() + " (pid " + state.pid()
                    + ") is no longer running; removed the stale state file.");
        }
    }

    private void closeQuietly(BackgroundServer started) {
        try {
            started.output().close();
        } catch (IOException e) {
            getLog().debug("Closing the dev server's log file failed: " + FailureText.of(e));
        }
    }
}
