package dev.wavecraft.devserver.audio;

import dev.wavecraft.protocol.options.AudioSettings;
import java.util.function.Supplier;

/**
 * Turns what the audio thread reports into a phase and a diagnostic, on the monitor thread. In
 * order of precedence: the audio thread stopped (failed); not started (initializing); a hung
 * process() given up on within the last three seconds (degraded); the processor failed within the
 * last half second (degraded); last second's blocks took more than 90% of their
 * period, or whole periods were lost (degraded, with a hint about the block size); no output device
 * (degraded); else running.
 */
final class AudioStatusTracker {

    static final long FAILING_HOLD_MS = 500;
    /** How long a hung process() keeps the phase degraded, so every page sees it. */
    static final long STUCK_HOLD_MS = 3000;
    static final long WINDOW_MS = 1000;
    private static final int MIN_LATE_BLOCKS = 3;
    private static final double MAX_LOAD = 0.9;

    private final AudioSettings settings;
    private final OutputState output;
    private final ProcessorHealth health;
    private final ProcessTimes processTimes;
    /** Generation A's process() times while comparing, else null. */
    private final Supplier<CpuLoad> aLoad;
    private final int failuresBeforeRollback;
    private volatile AudioStatus current;
    private long failuresSeen;
    private long lastFailureAt = Long.MIN_VALUE;
    private long windowStart = -1;
    private AudioCounts windowCounters;
    private AudioDiagnostic slow;
    private AudioDiagnostic stuck;
    private long stuckAt;
    private double load;

    AudioStatusTracker(AudioSettings settings, OutputState output, ProcessorHealth health, ProcessTimes processTimes,
            Supplier<CpuLoad> aLoad, int failuresBeforeRollback, long nowMs, AudioCounts counters) {
        this.settings = settings;
        this.output = output;
        this.health = health;
        this.processTimes = processTimes;
        this.aLoad = aLoad;
        this.failuresBeforeRollback = failuresBeforeRollback;
        this.current = status(AudioPhase.INITIALIZING, null, nowMs, counters, null);
    }

    /** The last status, with fresh counters. Any thread. */
    AudioStatus current(AudioCounts counters) {
        AudioStatus status = current;
        return new AudioStatus(status.phase(), status.diagnostic(), status.sampleRate(), status.bufferSize(),
                status.updatedAtMs(), counters, health.generation(), output.description(), status.load(),
                status.lastRollback(), processTimes.load(), aLoad.get());
    }

    /** Monitor thread: the watchdog gave up on a hung process(), as {@code reason} says. */
    void stuck(String reason, long nowMs) {
        stuck = new AudioDiagnostic(AudioDiagnostic.UNKNOWN, reason + ".", "Make process() return, and save:"
                + " the last good generation plays meanwhile.");
        stuckAt = nowMs;
    }

    /** Monitor thread: recomputes the status; returns it when the phase or diagnostic changed, else null. */
    AudioStatus update(AudioCounts counters, long nowMs, RollbackNotice lastRollback) {
        if (counters.processFailures() != failuresSeen) {
            failuresSeen = counters.processFailures();
            lastFailureAt = nowMs;
        }
        measureWindow(counters, nowMs);
        AudioPhase phase;
        AudioDiagnostic diagnostic = null;
        Throwable crash = output.crash();
        if (crash != null) {
            phase = AudioPhase.FAILED;
            diagnostic = new AudioDiagnostic(AudioDiagnostic.UNKNOWN, "The audio thread stopped: " + crash,
                    "Restart wavecraft:run; if it happens again, report it with the server's output.");
        } else if (!output.started()) {
            phase = AudioPhase.INITIALIZING;
        } else if (stuck != null && nowMs - stuckAt < STUCK_HOLD_MS) {
            phase = AudioPhase.DEGRADED;
            diagnostic = stuck;
        } else if (lastFailureAt != Long.MIN_VALUE && nowMs - lastFailureAt < FAILING_HOLD_MS) {
            phase = AudioPhase.DEGRADED;
            diagnostic = processorFailing();
        } else if (slow != null) {
            phase = AudioPhase.DEGRADED;
            diagnostic = slow;
        } else if (output.problem() != null) {
            phase = AudioPhase.DEGRADED;
            diagnostic = new AudioDiagnostic(AudioDiagnostic.NO_OUTPUT_DEVICE, "No audio output device could be"
                    + " opened (" + output.problem() + "), so the audio goes to a silent sink.",
                    "Processing, meters and the oscilloscope keep working. Connect or enable an output device"
                    + " and restart, or set -Dwavecraft.audioDevice=false to run silently on purpose.");
        } else {
            phase = output.device() ? AudioPhase.RUNNING_FULL_DUPLEX : AudioPhase.RUNNING_INPUT_ONLY;
        }
        AudioStatus previous = current;
        AudioStatus next = status(phase, diagnostic, nowMs, counters, lastRollback);
        boolean changed = next.differsFrom(previous);
        current = changed ? next : status(phase, diagnostic, previous.updatedAtMs(), counters, lastRollback);
        return changed ? current : null;
    }

    private void measureWindow(AudioCounts counters, long nowMs) {
        if (windowStart < 0) {
            windowStart = nowMs;
            windowCounters = counters;
            return;
        }
        if (nowMs - windowStart < WINDOW_MS) {
            return;
        }
        long blocks = counters.blocks() - windowCounters.blocks();
        long late = counters.deadlineMisses() - windowCounters.deadlineMisses();
        long dropped = counters.droppedBlocks() - windowCounters.droppedBlocks();
        long processNanos = counters.processNanos() - windowCounters.processNanos();
        load = blocks == 0 ? 0 : processNanos / (double) (blocks * settings.blockNanos());
        // A late block is counted but not alarming by itself (a device buffers a few); a processor
        // that uses up the period, or whole periods lost, are.
        boolean tooSlow = load > MAX_LOAD && late >= MIN_LATE_BLOCKS;
        boolean breakingUp = dropped >= MIN_LATE_BLOCKS && late * 10 >= blocks;
        slow = tooSlow || breakingUp ? lateBlocks(late, blocks, counters) : null;
        windowStart = nowMs;
        windowCounters = counters;
    }

    private AudioDiagnostic lateBlocks(long late, long blocks, AudioCounts counters) {
        String message = String.format(java.util.Locale.ROOT, "%d of the last %d blocks missed their deadline of %.1f ms"
                + " (process() used %.0f%% of the block period; the latest block was up to %.1f ms late).",
                late, blocks, settings.blockMillis(), load * 100, counters.maxLatenessMs());
        String hint = load > MAX_LOAD
                ? "process() is slower than real time: make it faster, or give it longer blocks with"
                        + " -Dwavecraft.blockSize=" + Math.min(AudioSettings.MAX_BLOCK_SIZE, settings.blockSize() * 2) + "."
                : "The machine is busy (other processes or garbage collection); longer blocks"
                        + " (-Dwavecraft.blockSize=" + Math.min(AudioSettings.MAX_BLOCK_SIZE, settings.blockSize() * 2)
                        + ") leave more room.";
        return new AudioDiagnostic(AudioDiagnostic.UNKNOWN, message, hint);
    }

    private AudioDiagnostic processorFailing() {
        Throwable failure = health.lastFailure();
        String message = "process() of generation " + health.lastFailureGeneration() + " failed: "
                + describe(failure) + "; its output is muted.";
        return new AudioDiagnostic(AudioDiagnostic.UNKNOWN, message, "Fix process() and save to reload it. After "
                + failuresBeforeRollback + " failed blocks in a row the previous good generation is restored.");
    }

    /** An exception as a user reads it: its type, message and the line it came from. */
    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        if (failure instanceof ProcessorRunner.NonFiniteOutputException) {
            return failure.getMessage();
        }
        StringBuilder text = new StringBuilder(failure.getClass().getName());
        if (failure.getMessage() != null) {
            text.append(": ").append(failure.getMessage());
        }
        StackTraceElement[] trace = failure.getStackTrace();
        if (trace.length > 0) {
            StackTraceElement top = trace[0];
            text.append(" (at ").append(top.getClassName()).append('.').append(top.getMethodName()).append('(')
                    .append(top.getFileName()).append(':').append(top.getLineNumber()).append("))");
        }
        return text.toString();
    }

    private AudioStatus status(AudioPhase phase, AudioDiagnostic diagnostic, long updatedAtMs,
            AudioCounts counters, RollbackNotice lastRollback) {
        return new AudioStatus(phase, diagnostic, settings.sampleRate(), settings.blockSize(), updatedAtMs, counters,
                health.generation(), output.description(), load, lastRollback, processTimes.load(),
                aLoad.get());
    }
}
