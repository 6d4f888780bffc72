package dev.wavecraft.maven.supervise;

import dev.wavecraft.maven.fork.DevServerLauncher;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.control.ControlMessages.CurrentValues;
import dev.wavecraft.protocol.control.ControlMessages.Decoded;
import dev.wavecraft.protocol.control.ControlMessages.Reload;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The plugin's end of the control channel, to whichever server runs now. It remembers what a restart after a crash
 * needs: the parameter values the server last reported and a copy of the classes it last loaded;
 * and which reload the server was loading when it died, so that the restart does not count that
 * crash against the server and does not load the same build again. A reload asked for while the
 * server is gone waits for the restarted one. Other server messages go on to a listener (the
 * reload loop).
 */
public final class SupervisedControlClient implements AutoCloseable {

    /** How long a reload waits for a server that died to be restarted; a start may take a minute. */
    private static final Duration RESTART_WAIT = Duration.ofMinutes(2);

    private final LastGoodClasses lastGood;
    private final Consumer<String> warnings;
    private volatile Consumer<Decoded> listener = message -> { };
    private ControlClient client; // guarded by this: a reload waits on this for a restarted server's client
    private boolean closed; // guarded by this
    private volatile Map<String, Double> values = Map.of();
    /** The reload sent and not answered yet; when the server dies meanwhile, it died loading it. */
    private final AtomicReference<Reload> loading = new AtomicReference<>();

    /** @param warnings where a failed copy of the loaded classes is reported */
    public SupervisedControlClient(LastGoodClasses lastGood, Consumer<String> warnings) {
        this.lastGood = lastGood;
        this.warnings = warnings;
    }

    /**
     * Connects to a server just started, running generation 1 of {@code classpath}; kills it when
     * its control channel cannot be reached.
     */
    public void connect(DevServerLauncher.Started started, ProjectClasspath classpath) throws MojoExecutionException {
        try {
            attach(started.ready().controlPort(), started.secret());
            lastGood.record(classpath, 1);
        } catch (IOException e) {
            started.process().kill();
            throw new MojoExecutionException("Could not connect to the dev server's control channel on port "
                    + started.ready().controlPort() + ": " + FailureText.of(e), e);
        }
    }

    /**
     * Connects to a server restarted after a crash, which runs the kept copy already, and gives it
     * back the values its predecessor had.
     */
    public void reconnect(int controlPort, String secret) throws IOException {
        Map<String, Double> restored = values;
        attach(controlPort, secret);
        current().send(new ControlMessages.RestoreValues(restored));
    }

    private void attach(int controlPort, String secret) throws IOException {
        ControlClient fresh = ControlClient.connect(controlPort, secret, this::received);
        ControlClient previous;
        synchronized (this) {
            previous = client;
            client = fresh;
            notifyAll();
        }
        if (previous != null) {
            previous.close();
        }
    }

    public void listen(Consumer<Decoded> listener) {
        this.listener = listener;
    }

    /** The values the server last reported. */
    public Map<String, Double> values() {
        return values;
    }

    public LastGoodClasses lastGood() {
        return lastGood;
    }

    public void send(Object message) throws IOException {
        current().send(message);
    }

    /**
     * A reload that succeeds also becomes the code a restart would run. While the server is gone,
     * waits for the restarted one: a save built meanwhile is loaded there.
     *
     * @throws DiedWhileLoadingException when the server died before it answered
     */
    public Reloaded reload(Reload request, Duration timeout) throws IOException, TimeoutException, InterruptedException {
        ControlClient target = restarted();
        loading.set(request);
        Reloaded reloaded;
        try {
            reloaded = target.reload(request, timeout);
        } catch (IOException e) {
            if (target.onClose().isDone()) {
                throw new DiedWhileLoadingException();
            }
            loading.set(null);
            throw e;
        } catch (TimeoutException e) {
            loading.set(null);
            throw e;
        }
        loading.set(null);
        if (reloaded.ok()) {
            try {
                lastGood.record(request.classpath(), reloaded.generation());
            } catch (IOException e) {
                warnings.accept("Could not keep a copy of generation " + reloaded.generation() + "'s classes ("
                        + FailureText.of(e) + "); a restart after a crash would run an older generation.");
            }
        }
        return reloaded;
    }

    /**
     * The reload the server was loading when it died, if it died loading one; asking forgets it,
     * so the restarted server is not asked to load it again.
     */
    public Optional<Reload> takeDiedLoading() {
        return Optional.ofNullable(loading.getAndSet(null));
    }

    private synchronized ControlClient current() {
        return client;
    }

    /** The client of a live server: the current one, or, when its server is gone, the restarted one's. */
    private synchronized ControlClient restarted() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RESTART_WAIT.toNanos();
        while (!closed && client.onClose().isDone()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("the dev server is gone and was not restarted within "
                        + RESTART_WAIT.toSeconds() + " s");
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        if (closed) {
            throw new IOException("the dev server was stopped");
        }
        return client;
    }

    private void received(Decoded message) {
        if (message.is(CurrentValues.class)) {
            values = Map.copyOf(message.as(CurrentValues.class).values());
        } else {
            listener.accept(message);
        }
    }

    @Override
    public void close() {
        ControlClient current;
        synchronized (this) {
            closed = true;
            current = client;
            notifyAll();
        }
        if (current != null) {
            current.close();
        }
        try {
            lastGood.close();
        } catch (IOException e) {
            warnings.accept("Could not remove the copy of the last classes that loaded: " + FailureText.of(e));
        }
    }
}
