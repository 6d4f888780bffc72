package dev.wavecraft.devserver.reload;

import java.util.Optional;

/**
 * Whether a successful build reloads by itself: the user's switch ({@code setAutoReload}) and the
 * circuit breaker that opens it. When the audio engine finds a generation crashing (it counts the
 * failing blocks) and earlier code has been brought back, the breaker opens: auto-reload pauses,
 * the reason is kept for the status, and the crashed generation cannot be rolled back to. The
 * next successful reload closes it; so does the user switching auto-reload either way.
 */
final class CircuitBreaker {

    /** What the status reports: {@code pausedBecause} is null while the breaker is closed. */
    record Position(boolean autoReload, String pausedBecause) {
    }

    private boolean autoReload = true;
    private String pausedBecause;
    private int crashedGeneration;

    /**
     * Opens the breaker: generation {@code crashed} kept crashing or hung, and the earlier code now
     * runs as generation {@code restoredAs}.
     *
     * @param reason how it failed, completing "Generation N ...": "kept crashing (...)", "hung in process() (...)"
     * @return why auto-reload is paused, for the build tool and the browsers
     */
    synchronized String trip(int crashed, int restoredAs, String reason) {
        pausedBecause = "Generation " + crashed + " " + reason + ", so the earlier code runs again"
                + " as generation " + restoredAs + ". Auto-reload is paused until the next successful build: fix"
                + " the code and save.";
        crashedGeneration = crashed;
        autoReload = false;
        return pausedBecause;
    }

    /**
     * New code went live after a successful build.
     *
     * @return whether that closed an open breaker, so auto-reload is on again
     */
    synchronized boolean closeAfterGoodBuild() {
        if (pausedBecause == null) {
            return false;
        }
        pausedBecause = null;
        autoReload = true;
        return true;
    }

    /** The user's choice, which also clears a pause. */
    synchronized void setAutoReload(boolean enabled) {
        autoReload = enabled;
        pausedBecause = null;
    }

    /** @throws ReloadFailure when {@code target} is the generation that opened the breaker */
    synchronized void checkRollback(Optional<Integer> target) throws ReloadFailure {
        if (pausedBecause != null && target.isPresent() && target.get() == crashedGeneration) {
            throw new ReloadFailure("rollback", "Generation " + crashedGeneration + " kept crashing; fix the"
                    + " code and save instead of bringing it back.", null);
        }
    }

    synchronized Position position() {
        return new Position(autoReload, pausedBecause);
    }
}
