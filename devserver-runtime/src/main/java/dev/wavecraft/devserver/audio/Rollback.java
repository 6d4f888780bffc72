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
     * @return the number the restored generation now runs under
     * @throws Exception saying why it could not (no earlier generation, a load failure)
     */
    int restore(int failingGeneration, int lastGood, String reason) throws Exception;
}
