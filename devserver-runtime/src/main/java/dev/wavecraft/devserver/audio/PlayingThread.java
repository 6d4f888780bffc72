package dev.wavecraft.devserver.audio;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The {@code wavecraft-audio} thread that plays now, and the two things that touch it from other
 * threads: a prepared runner offered to it, with the wait until it is heard, and the watchdog's
 * replacement of a stuck thread by a fresh one, which takes over the input and the runner that was
 * waiting on the stuck one. Both happen under one lock, so no offer lands on a thread just given up
 * on; the audio thread itself never takes that lock.
 */
final class PlayingThread implements AudioWatchdog.AudioThreads {

    private static final long POLL_NANOS = 500_000;

    private final Supplier<AudioThread> fresh;
    private final AtomicReference<InputSource> pendingInput;
    private final ProcessorHealth health;
    private final Duration heardWithin;
    private final Object change = new Object();
    private volatile AudioThread audio;

    /**
     * @param fresh makes a new audio thread, not started
     * @param heardWithin how long an offered runner may wait to be taken up before it counts as not heard
     */
    PlayingThread(Supplier<AudioThread> fresh, AtomicReference<InputSource> pendingInput, ProcessorHealth health,
            Duration heardWithin) {
        this.fresh = fresh;
        this.pendingInput = pendingInput;
        this.health = health;
        this.heardWithin = heardWithin;
        this.audio = fresh.get();
    }

    @Override
    public AudioThread current() {
        return audio;
    }

    /** Queues {@code runner} for the next block boundary of the thread playing now, which it returns. */
    AudioThread offer(ProcessorRunner runner) {
        synchronized (change) {
            AudioThread target = audio;
            target.offer(runner);
            return target;
        }
    }

    /**
     * {@link #offer}, then waits (bounded) until the audio thread has taken {@code runner} up.
     *
     * @return whether it did within the bound; false too when the watchdog gave up on that thread
     *     meanwhile (the runner then waits on the fresh one)
     */
    boolean offerAndAwaitHeard(ProcessorRunner runner) {
        AudioThread target = offer(runner);
        long deadline = System.nanoTime() + heardWithin.toNanos();
        while (audio == target) {
            if (health.generation() == runner.generation()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(0, (int) POLL_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Monitor thread: a fresh audio thread takes over the input and any runner that waited on the stuck one. */
    @Override
    public Optional<Integer> replace() {
        synchronized (change) {
            AudioThread stuck = audio;
            stuck.stop();
            pendingInput.compareAndSet(null, stuck.playing());
            AudioThread next = fresh.get();
            ProcessorRunner waiting = stuck.takeWaiting();
            if (waiting != null) {
                next.offer(waiting);
            }
            audio = next;
            next.start();
            return waiting == null ? Optional.empty() : Optional.of(waiting.generation());
        }
    }

    void start() {
        audio.start();
    }
}
