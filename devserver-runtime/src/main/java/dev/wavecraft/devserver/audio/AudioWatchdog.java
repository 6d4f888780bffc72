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

        /** Stops the current thread, stuck or not, and starts a fresh one with nothing to play yet. */
        void replace();
    }

    /** A generation whose {@code process()} hung, and how, as a user reads it. */
    record Stuck(int generation, String reason) {
    }

    private final Duration bound;
    private final AudioThreads threads;

    AudioWatchdog(AudioSettings settings, AudioThreads threads) {
        Duration blocks = Duration.ofNanos(settings.blockNanos() * BLOCKS);
        this.bound = blocks.compareTo(AT_LEAST) > 0 ? blocks : AT_LEAST;
        this.threads = threads;
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
        threads.replace();
        int generation = (int) overdue.get().position();
        return Optional.of(new Stuck(generation, "process() of generation " + generation + " did not return within "
                + bound.toMillis() + " ms on the audio thread, " + UserCode.stuckAt(stack) + "; that thread is"
                + " abandoned and a fresh one plays"));
    }
}
