package dev.wavecraft.devserver.audio;

/**
 * How the newest processor is doing, written by the audio thread (volatile fields, one writer, no
 * allocation) and read by the monitor, which turns it into status and rollbacks.
 */
final class ProcessorHealth {

    /** Successful blocks after which a generation counts as good, a target for a rollback. */
    static final int GOOD_AFTER_BLOCKS = 16;

    private volatile int generation;
    private volatile int consecutiveFailures;
    private volatile Throwable lastFailure;
    private volatile int lastFailureGeneration;
    private volatile int lastGoodGeneration = -1;

    void live(int generation) {
        this.generation = generation;
        consecutiveFailures = 0;
    }

    void succeeded(ProcessorRunner runner) {
        if (consecutiveFailures != 0) {
            consecutiveFailures = 0;
        }
        if (runner.blocksSucceeded == GOOD_AFTER_BLOCKS) {
            lastGoodGeneration = runner.generation();
        }
    }

    void failed(ProcessorRunner runner, Throwable failure, boolean newest) {
        lastFailure = failure;
        lastFailureGeneration = runner.generation();
        if (newest) {
            consecutiveFailures = runner.consecutiveFailures;
        }
    }

    int generation() {
        return generation;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    Throwable lastFailure() {
        return lastFailure;
    }

    int lastFailureGeneration() {
        return lastFailureGeneration;
    }

    /** A generation that ran well, or -1 when none has yet. */
    int lastGoodGeneration() {
        return lastGoodGeneration;
    }
}
