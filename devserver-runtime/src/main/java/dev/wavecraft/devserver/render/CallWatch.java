package dev.wavecraft.devserver.render;

import java.time.Duration;
import java.util.Optional;

/**
 * Which call of the processor the render thread is in, since when, and for which block: written by
 * the render thread around every call, read by the thread that watches it. Plain volatile fields,
 * so a block costs no allocation and no lock.
 */
final class CallWatch {

    /** A call that has run too long: which method, for which block (from 0), and for how long so far. */
    record Call(String method, long block, Duration running) {
    }

    private volatile long startedAt;
    private volatile long block;
    /** Written last on entry and cleared on exit: a reader that sees it sees the fields above. */
    private volatile String method;

    void enter(String method, long block) {
        this.block = block;
        this.startedAt = System.nanoTime();
        this.method = method;
    }

    void exit() {
        method = null;
    }

    /** The call in progress when it has run longer than {@code limit}. */
    Optional<Call> overdue(Duration limit) {
        String current = method;
        if (current == null) {
            return Optional.empty();
        }
        Duration running = Duration.ofNanos(System.nanoTime() - startedAt);
        return running.compareTo(limit) > 0 ? Optional.of(new Call(current, block, running)) : Optional.empty();
    }
}
