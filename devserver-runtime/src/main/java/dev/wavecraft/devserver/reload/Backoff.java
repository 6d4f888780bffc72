package dev.wavecraft.devserver.reload;

import java.io.IOException;
import java.time.Duration;

/**
 * Retries an I/O action that may fail for a moment (a compile still writing the classes, a file
 * system hiccup): the first pause is {@code firstDelay}, each next one twice as long, and after
 * {@code tries} tries in all the last failure stands.
 */
final class Backoff {

    static final Backoff SNAPSHOT = new Backoff(Duration.ofMillis(100), 5, Backoff::sleep);

    /** Waits; a test passes one that does not. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }

    /** Hears of each failed try that is followed by another. */
    @FunctionalInterface
    interface Retrying {
        void failed(int attempt, IOException failure, Duration nextDelay);
    }

    private final Duration firstDelay;
    private final int tries;
    private final Sleeper sleeper;

    Backoff(Duration firstDelay, int tries, Sleeper sleeper) {
        if (tries < 1) {
            throw new IllegalArgumentException("At least one try is needed, not " + tries);
        }
        this.firstDelay = firstDelay;
        this.tries = tries;
        this.sleeper = sleeper;
    }

    /** The same pauses, waited by {@code other}. */
    Backoff withSleeper(Sleeper other) {
        return new Backoff(firstDelay, tries, other);
    }

    int tries() {
        return tries;
    }

    /** The action's result, or its failure on the last try. */
    <T> T run(IoAction<T> action, Retrying retrying) throws IOException, InterruptedException {
        Duration delay = firstDelay;
        for (int attempt = 1;; attempt++) {
            try {
                return action.run();
            } catch (IOException failure) {
                if (attempt == tries) {
                    throw failure;
                }
                retrying.failed(attempt, failure, delay);
                sleeper.sleep(delay);
                delay = delay.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration delay) throws InterruptedException {
        Thread.sleep(delay.toMillis());
    }
}
