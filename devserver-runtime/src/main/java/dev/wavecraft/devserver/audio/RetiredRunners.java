package dev.wavecraft.devserver.audio;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Processors the audio thread has stopped using, handed to the monitor thread so releasing them
 * never happens on the audio thread. A single-producer, single-consumer ring without allocation;
 * when it is full the runner is simply dropped, which releases it all the same.
 */
final class RetiredRunners {

    private static final int CAPACITY = 16;

    private final AtomicReferenceArray<ProcessorRunner> slots = new AtomicReferenceArray<>(CAPACITY);
    private volatile long written;
    private volatile long taken;

    /** Audio thread only. */
    void offer(ProcessorRunner runner) {
        long position = written;
        if (position - taken < CAPACITY) {
            slots.set((int) (position % CAPACITY), runner);
            written = position + 1;
        }
    }

    /** Monitor thread only; null when empty. */
    ProcessorRunner poll() {
        long position = taken;
        if (position == written) {
            return null;
        }
        ProcessorRunner runner = slots.getAndSet((int) (position % CAPACITY), null);
        taken = position + 1;
        return runner;
    }
}
