package dev.wavecraft.devserver.audio;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine's housekeeper on the {@code wavecraft-audio-monitor} thread, about 25 times a second:
 * releases processors the audio thread retired, asks the {@link Rollback} for earlier code when the
 * live generation keeps failing or its {@link AudioWatchdog} gave up on a hung {@code process()},
 * recomputes the status and tells the clients when it changes, and
 * pushes meter frames when asked to. Everything that may allocate, block or talk to the network
 * happens here, never on the audio thread. The rollback is given to {@link #run} rather than at
 * construction, since the reload side that does it is built on a constructed engine.
 */
final class AudioMonitor {

    static final long TICK_MS = 40;

    private final AudioStatusTracker tracker;
    private final AudioCounters counters;
    private final ProcessorHealth health;
    private final RetiredRunners retired;
    private final MeterTap meters;
    private final AudioEvents events;
    private final AudioWatchdog watchdog;
    private final Consumer<String> warnings;
    private final int failuresBeforeRollback;
    private final long meterPushIntervalMs;
    private volatile boolean running = true;
    private volatile RollbackNotice lastRollback;
    private int rollbackRequestedFor = -1;
    private long lastMeterPush;
    private long lastMeterFrame = -1;

    AudioMonitor(AudioStatusTracker tracker, AudioCounters counters, ProcessorHealth health, RetiredRunners retired,
            MeterTap meters, AudioEvents events, AudioWatchdog watchdog, Consumer<String> warnings,
            int failuresBeforeRollback, int meterPushHz) {
        this.tracker = tracker;
        this.counters = counters;
        this.health = health;
        this.retired = retired;
        this.meters = meters;
        this.events = events;
        this.watchdog = watchdog;
        this.warnings = warnings;
        this.failuresBeforeRollback = failuresBeforeRollback;
        this.meterPushIntervalMs = meterPushHz <= 0 ? 0 : Math.max(TICK_MS, 1000 / meterPushHz);
    }

    void stop() {
        running = false;
    }

    RollbackNotice lastRollback() {
        return lastRollback;
    }

    /** The monitor thread's body, until {@link #stop}. */
    void run(Rollback rollback) {
        while (running) {
            try {
                tick(System.currentTimeMillis(), rollback);
            } catch (RuntimeException e) {
                warnings.accept("The audio monitor hit an unexpected error and carries on: " + e);
            }
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void tick(long nowMs, Rollback rollback) {
        while (retired.poll() != null) {
            // Dropping the reference is the release: the generation's class loader can go once
            // the reload side lets go of it too.
        }
        watchdog.check().ifPresent(stuck -> {
            tracker.stuck(stuck.reason(), nowMs);
            if (stuck.successor().isPresent()) {
                // Newer code was waiting for the stuck thread: it plays on the fresh one, nothing to roll back.
                rollbackRequestedFor = stuck.generation();
                warnings.accept(stuck.reason() + ". Generation " + stuck.successor().get() + ", which was waiting"
                        + " for that thread, plays on the fresh one.");
            } else {
                restore(stuck.generation(), stuck.hung(), nowMs, rollback);
            }
        });
        restoreIfFailing(nowMs, rollback);
        AudioStatus changed = tracker.update(counters.snapshot(), nowMs, lastRollback);
        if (changed != null) {
            events.statusChanged(changed);
        }
        pushMeters(nowMs);
    }

    private void restoreIfFailing(long nowMs, Rollback rollback) {
        int failing = health.generation();
        int failures = health.consecutiveFailures();
        if (failures < failuresBeforeRollback || failing == rollbackRequestedFor) {
            return;
        }
        restore(failing, "kept crashing (process() of generation " + failing + " failed " + failures
                + " blocks in a row (" + AudioStatusTracker.describe(health.lastFailure()) + "))", nowMs, rollback);
    }

    /**
     * Asks for the code that last ran well (or the previous generation) instead of {@code failing}.
     *
     * @param how how it failed, completing "Generation N ..."
     */
    private void restore(int failing, String how, long nowMs, Rollback rollback) {
        String reason = "Generation " + failing + " " + how;
        rollbackRequestedFor = failing;
        int lastGood = health.lastGoodGeneration() == failing ? -1 : health.lastGoodGeneration();
        try {
            Rollback.Outcome outcome = rollback.restore(failing, lastGood, how);
            if (!outcome.rolledBack()) {
                warnings.accept(reason + ". Generation " + outcome.generation() + " went live meanwhile and plays"
                        + " on; nothing is rolled back.");
                return;
            }
            counters.rolledBack();
            lastRollback = new RollbackNotice(failing, outcome.generation(), reason, nowMs);
            warnings.accept(reason + ". Rolled back to " + (lastGood < 0 ? "the previous generation"
                    : "generation " + lastGood) + ", now live as generation " + outcome.generation()
                    + ". Fix process() and save to try again.");
        } catch (Exception e) {
            lastRollback = new RollbackNotice(failing, -1, reason + "; rolling back failed: " + e.getMessage(), nowMs);
            warnings.accept(reason + ". Rolling back failed (" + e.getMessage() + "), so the output stays muted"
                    + " until process() is fixed.");
        }
    }

    private void pushMeters(long nowMs) {
        if (meterPushIntervalMs == 0 || nowMs - lastMeterPush < meterPushIntervalMs) {
            return;
        }
        long published = meters.published();
        if (published == lastMeterFrame) {
            return;
        }
        MeterFrame frame = meters.latest();
        if (frame != null) {
            lastMeterPush = nowMs;
            lastMeterFrame = published;
            events.meterFrame(frame);
        }
    }
}
