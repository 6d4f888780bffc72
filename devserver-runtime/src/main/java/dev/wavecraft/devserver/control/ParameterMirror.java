package dev.wavecraft.devserver.control;

import dev.wavecraft.api.Parameter;
import dev.wavecraft.devserver.params.AppliedValues;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.params.ParameterListener;
import dev.wavecraft.protocol.control.ControlConnection;
import dev.wavecraft.protocol.control.ControlMessages.CurrentValues;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the build tool told of every parameter value, so that it can hand them to the server it
 * starts after this one crashed. Each message carries all values as they are when it is sent,
 * so the last one sent is never older than the last change.
 */
final class ParameterMirror implements ParameterListener {

    private static final System.Logger LOG = System.getLogger(ParameterMirror.class.getName());

    private final ParameterHost host;
    private final Set<ControlConnection> connections = ConcurrentHashMap.newKeySet();

    ParameterMirror(ParameterHost host) {
        this.host = host;
        host.addListener(this);
    }

    synchronized void connected(ControlConnection connection) {
        connections.add(connection);
        sendQuietly(connection, current());
    }

    void disconnected(ControlConnection connection) {
        connections.remove(connection);
    }

    @Override
    public synchronized void valueChanged(Parameter parameter, double value, Object origin) {
        CurrentValues values = current();
        connections.forEach(connection -> sendQuietly(connection, values));
    }

    /**
     * Sets the values a crashed server had, fitted to the parameters as they are now (clamped, or
     * dropped when the processor no longer has them); says so when some did not fit.
     */
    void restore(Map<String, Double> values) {
        AppliedValues report = host.apply(values, this);
        if (!report.allFit()) {
            LOG.log(System.Logger.Level.WARNING, "Values of the server that crashed: " + report.describe());
        }
    }

    private CurrentValues current() {
        return new CurrentValues(host.state().byId());
    }

    private static void sendQuietly(ControlConnection connection, CurrentValues values) {
        try {
            connection.send(values);
        } catch (UncheckedIOException e) {
            // The build tool is gone; its connection is dropped when its reader sees the end.
        }
    }
}
