package dev.wavecraft.devserver.audio;

/** Asks the reload side to bring back earlier code when the live processor keeps failing. */
@FunctionalInterface
public interface Rollback {

    Rollback NONE = (failing, lastGood, reason) -> {
        throw new IllegalStateException("rolling back is not available here");
    };

    /**
     * Called off the audio thread.
     *
     * @param lastGood a generation that ran well, or -1 for "the previous one"
     * @param reason how the failing generation failed, completing "Generation N ...": "kept crashing
     *     (...)" or "hung in process() (...)"
     * @return the generation that plays now: the restored one, or newer code that replaced the failing
     *     generation meanwhile (then nothing was rolled back)
     * @throws Exception saying why it could not (no earlier generation, a load failure)
     */
    Outcome restore(int failingGeneration, int lastGood, String reason) throws Exception;

    /** The generation that plays after {@link #restore}, and whether it is earlier code brought back. */
    record Outcome(int generation, boolean rolledBack) {
    }
}
