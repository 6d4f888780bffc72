package dev.wavecraft.devserver.processor;

import java.time.Duration;
import java.util.Optional;

/**
 * Which call of the processor a thread is in, since when, and where: written by the thread that
 * runs the processor around every call (the render thread, the audio thread), read by the thread
 * that watches it. Plain volatile fields, so a call costs no allocation and no lock.
 */
public final class CallWatch {

    /**
     * A call that has run too long: which method, where (the block from 0 in a render, the
     * generation on the dev server's audio thread), and for how long so far.
     */
    public record Call(String method, long position, Duration running) {
    }

    private volatile long startedAt;
    private volatile long position;
    /** Written last on entry and cleared on exit: a reader that sees it sees the fields above. */
    private volatile String method;

    public void enter(String method, long position) {
        this.position = position;
        this.startedAt = System.nanoTime();
        this.method = method;
    }

    public void exit() {
        method = null;
    }

    /** The call in progress when it has run longer than {@code limit}. */
    public Optional<Call> overdue(Duration limit) {
        String current = method;
        if (current == null) {
            return Optional.empty();
        }
        Duration running = Duration.ofNanos(System.nanoTime() - startedAt);
        return running.compareTo(limit) > 0 ? Optional.of(new Call(current, position, running)) : Optional.empty();
    }
}
