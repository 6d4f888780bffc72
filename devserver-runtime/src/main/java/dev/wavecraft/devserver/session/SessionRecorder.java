package dev.wavecraft.devserver.session;

import dev.wavecraft.api.Parameter;
import dev.wavecraft.devserver.audio.AudioEvents;
import dev.wavecraft.devserver.compare.CompareEvents;
import dev.wavecraft.devserver.compare.CompareSettings;
import dev.wavecraft.devserver.compare.CompareView;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.params.ParameterListener;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Writes the session a short while after a change, on its own thread ({@code wavecraft-session}):
 * the first change of a quiet moment schedules one write {@link #delay} later, which takes the
 * values as they are by then, so a slider dragged for a minute costs a write every {@code delay},
 * not one per value, and the thread that made the change only flips a flag. Nothing is written
 * when nothing changed since the last write. {@link #close} writes what is still pending.
 */
public final class SessionRecorder implements ParameterListener, AudioEvents, CompareEvents, AutoCloseable {

    private final SessionFile file;
    private final ParameterHost parameters;
    private volatile InputSpec input;
    private volatile CompareSettings compare = CompareSettings.OFF;
    private final String configuredInput;
    private final Duration delay;
    private final Consumer<String> warnings;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "wavecraft-session");
        thread.setDaemon(true);
        return thread;
    });
    private Session written; // only on the writer thread

    /**
     * @param input the input playing at start; later ones arrive as {@link #inputSourceChanged}
     * @param configuredInput the input the server was started with, kept so the next run can tell
     *     whether the user changed it meanwhile
     * @param warnings where a failed write is reported (it is tried again on the next change)
     */
    public SessionRecorder(SessionFile file, ParameterHost parameters, InputSpec input,
            InputSpec configuredInput, Duration delay, Consumer<String> warnings) {
        this.file = file;
        this.parameters = parameters;
        this.input = input;
        this.configuredInput = configuredInput.format();
        this.delay = delay;
        this.warnings = warnings;
    }

    @Override
    public void valueChanged(Parameter parameter, double value, Object origin) {
        changed();
    }

    @Override
    public void inputSourceChanged(InputSpec input, Object origin) {
        this.input = input;
        changed();
    }

    /** Compare's settings changed, or compare turned itself off. */
    @Override
    public void compareChanged(CompareView view, Object origin) {
        this.compare = CompareSettings.of(view);
        changed();
    }

    /** Something the session holds changed: a write follows within {@code delay}. */
    public void changed() {
        if (pending.compareAndSet(false, true)) {
            try {
                writer.schedule(this::write, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                pending.set(false); // closed: close() writes the last state itself
            }
        }
    }

    /** The session as it is now. */
    Session capture() {
        return new Session(parameters.state().byId(), input.format(), configuredInput, Session.Compare.of(compare));
    }

    private void write() {
        pending.set(false);
        Session session = capture();
        if (session.equals(written)) {
            return;
        }
        try {
            file.write(session);
            written = session;
        } catch (IOException e) {
            warnings.accept("Could not save the session to " + file.path() + ": " + e
                    + ". The values set now will not come back on the next run.");
        }
    }

    /** Stops the writer and writes the last changes, if any are pending. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(2, TimeUnit.SECONDS)) {
                warnings.accept("The session writer did not finish in time; " + file.path() + " may be behind");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
