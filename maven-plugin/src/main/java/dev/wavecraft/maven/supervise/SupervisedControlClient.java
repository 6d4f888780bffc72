package dev.wavecraft.maven.supervise;

import dev.wavecraft.maven.fork.DevServerLauncher;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.control.ControlMessages.CurrentValues;
import dev.wavecraft.protocol.control.ControlMessages.Decoded;
import dev.wavecraft.protocol.control.ControlMessages.Reload;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The plugin's end of the control channel, to whichever server runs now. It remembers what a restart after a crash
 * needs: the parameter values the server last reported and a copy of the classes it last loaded.
 * Other server messages go on to a listener (the reload loop).
 */
public final class SupervisedControlClient implements AutoCloseable {

    private final LastGoodClasses lastGood;
    private final Consumer<String> warnings;
    private volatile Consumer<Decoded> listener = message -> { };
    private volatile ControlClient client;
    private volatile Map<String, Double> values = Map.of();

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
                    + started.ready().controlPort() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects to a server restarted after a crash, which runs the kept copy already, and gives it
     * back the values its predecessor had.
     */
    public void reconnect(int controlPort, String secret) throws IOException {
        Map<String, Double> restored = values;
        attach(controlPort, secret);
        client.send(new ControlMessages.RestoreValues(restored));
    }

    private void attach(int controlPort, String secret) throws IOException {
        ControlClient previous = client;
        client = ControlClient.connect(controlPort, secret, this::received);
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
        client.send(message);
    }

    /** A reload that succeeds also becomes the code a restart would run. */
    public Reloaded reload(Reload request, Duration timeout) throws IOException, TimeoutException, InterruptedException {
        Reloaded reloaded = client.reload(request, timeout);
        if (reloaded.ok()) {
            try {
                lastGood.record(request.classpath(), reloaded.generation());
            } catch (IOException e) {
                warnings.accept("Could not keep a copy of generation " + reloaded.generation() + "'s classes ("
                        + e.getMessage() + "); a restart after a crash would run an older generation.");
            }
        }
        return reloaded;
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
        ControlClient current = client;
        if (current != null) {
            current.close();
        }
    }
}
