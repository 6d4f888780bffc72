package dev.wavecraft.maven.fork;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl+C into a normal end of {@code wavecraft:run}: while installed, SIGINT runs the given
 * action instead of exiting the Maven JVM, so the goal can stop the server and Maven reports a
 * successful build. Where the JVM does not allow it (-Xrs), Maven exits as usual and the server
 * follows through its closed input.
 */
public final class StopSignal implements AutoCloseable {

    private static final Signal INT = new Signal("INT");

    private final SignalHandler previous;

    private StopSignal(SignalHandler previous) {
        this.previous = previous;
    }

    public static StopSignal install(Runnable onStop) {
        try {
            return new StopSignal(Signal.handle(INT, signal -> onStop.run()));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return new StopSignal(null);
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
