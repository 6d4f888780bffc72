package dev.wavecraft.maven.lifecycle;

import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Stops the dev server a state file describes: asks over the control channel, waits, then kills
 * the process by pid, but only the process with the recorded start instant.
 */
public final class ServerStopper {

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Duration grace;
    private final Consumer<String> log;

    /** @param grace how long the server may take to exit after being asked */
    public ServerStopper(Duration grace, Consumer<String> log) {
        this.grace = grace;
        this.log = log;
    }

    /**
     * Stops the server the state files record, if any, and removes the files: what {@code stop}
     * does, and what {@code run} and {@code start} do about a server an earlier run left behind.
     *
     * @return the recorded server and how its stop ended; empty when none was recorded
     */
    public Optional<Stopped> stopRecorded(StateFiles files) throws IOException, InterruptedException {
        Optional<ServerState> state = files.read();
        Optional<Stopped> stopped = Optional.empty();
        if (state.isPresent()) {
            stopped = Optional.of(new Stopped(state.get(), stop(state.get(), files.secret())));
        }
        files.delete();
        return stopped;
    }

    /**
     * Stops a server an earlier run of the project left behind (Maven crashed, or {@code stop} never
     * ran), saying so, and removes its state files, or only stale ones: it would hold the port.
     *
     * @param info where the removal of a stale state file is reported
     */
    public void stopLeftover(StateFiles files, Consumer<String> info) throws MojoExecutionException {
        files.read().filter(state -> state.liveProcess().isPresent()).ifPresent(state -> log.accept("A dev server"
                + " from an earlier wavecraft:" + state.goal() + " of this project is still running (pid "
                + state.pid() + ", " + state.url() + "); stopping it."));
        try {
            stopRecorded(files).filter(stopped -> stopped.outcome() == Outcome.GONE).ifPresent(gone -> info.accept(
                    "Removed the stale " + files.stateFile() + " of a dev server that is gone."));
        } catch (IOException e) {
            throw new MojoExecutionException("Could not remove " + files.stateFile() + ": " + FailureText.of(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while stopping an earlier dev server", e);
        }
    }

    /** @return how it ended: asked, killed, or already gone */
    public Outcome stop(ServerState state, Optional<String> secret) throws InterruptedException {
        Optional<ProcessHandle> process = state.liveProcess();
        if (process.isEmpty()) {
            return Outcome.GONE;
        }
        if (secret.isPresent() && ask(state, secret.get()) && exited(process.get(), grace)) {
            return Outcome.ASKED;
        }
        // Checked again right before each signal: the pid could have been reused meanwhile.
        if (state.liveProcess().isPresent()) {
            process.get().descendants().forEach(ProcessHandle::destroy);
            process.get().destroy();
        }
        if (!exited(process.get(), KILL_WAIT) && state.liveProcess().isPresent()) {
            process.get().descendants().forEach(ProcessHandle::destroyForcibly);
            process.get().destroyForcibly();
            exited(process.get(), KILL_WAIT);
        }
        return Outcome.KILLED;
    }

    private boolean ask(ServerState state, String secret) {
        try (ControlClient control = ControlClient.connect(state.controlPort(), secret, message -> { })) {
            control.send(new ControlMessages.Stop());
            return true;
        } catch (IOException e) {
            log.accept("The dev server did not answer on its control channel (" + FailureText.of(e)
                    + "); stopping it by pid " + state.pid() + ".");
            return false;
        }
    }

    private static boolean exited(ProcessHandle process, Duration wait) throws InterruptedException {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    /** A recorded server and how its stop ended. */
    public record Stopped(ServerState state, Outcome outcome) {
    }

    /** How a stop ended. */
    public enum Outcome { ASKED, KILLED, GONE }
}
