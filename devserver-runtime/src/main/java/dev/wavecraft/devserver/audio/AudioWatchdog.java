package dev.wavecraft.devserver.audio;

import dev.wavecraft.devserver.processor.CallWatch;
import dev.wavecraft.devserver.processor.UserCode;
import dev.wavecraft.protocol.options.AudioSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * Gives up on a {@code process()} call that has not returned within a few block periods: on the
 * monitor thread, it reads where the audio thread is stuck, has the engine stop that thread and
 * start a fresh one, and says which generation hung and at which line. Bringing back earlier code
 * is the monitor's, as for a processor that keeps throwing.
 */
final class AudioWatchdog {

    /** Block periods a {@code process()} call may take before its thread is given up on. */
    static final int BLOCKS = 4;
    /** The least bound, so a busy machine's scheduling or a garbage collection is not taken for a hang. */
    static final Duration AT_LEAST = Duration.ofMillis(200);

    /** What the watchdog needs of the engine's audio threads. */
    interface AudioThreads {

        AudioThread current();

        /**
         * Stops the current thread, stuck or not, and starts a fresh one.
         *
         * @return the generation that was waiting to be taken up by the stuck thread and now waits on the
         *     fresh one, or empty when the fresh one has nothing to play yet
         */
        Optional<Integer> replace();
    }

    /**
     * A generation whose {@code process()} hung, and how, as a user reads it.
     *
     * @param reason the whole story, for the audio status
     * @param hung how it hung, completing "Generation N ...", for a rollback
     * @param successor a newer generation that waited on the stuck thread and plays on the fresh one
     */
    record Stuck(int generation, String reason, String hung, Optional<Integer> successor) {
    }

    private final Duration bound;
    private final AudioThreads threads;

    /** @param bound see {@link #bound(AudioSettings)} */
    AudioWatchdog(Duration bound, AudioThreads threads) {
        this.bound = bound;
        this.threads = threads;
    }

    /** How long a {@code process()} call may take: {@link #BLOCKS} block periods, at least {@link #AT_LEAST}. */
    static Duration bound(AudioSettings settings) {
        Duration blocks = Duration.ofNanos(settings.blockNanos() * BLOCKS);
        return blocks.compareTo(AT_LEAST) > 0 ? blocks : AT_LEAST;
    }

    Duration bound() {
        return bound;
    }

    /** Monitor thread: the call it gave up on just now, or empty. */
    Optional<Stuck> check() {
        AudioThread audio = threads.current();
        Optional<CallWatch.Call> overdue = audio.overdue(bound);
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        StackTraceElement[] stack = audio.stack();
        Optional<Integer> successor = threads.replace();
        int generation = (int) overdue.get().position();
        String within = " within " + bound.toMillis() + " ms on the audio thread, " + UserCode.stuckAt(stack);
        return Optional.of(new Stuck(generation, "process() of generation " + generation + " did not return" + within
                + "; that thread is abandoned and a fresh one plays", "hung in process() (it did not return" + within
                + ")", successor));
    }
}
