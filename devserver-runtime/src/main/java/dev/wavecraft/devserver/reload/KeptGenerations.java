package dev.wavecraft.devserver.reload;

import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoadException;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.processor.StuckUserCode;
import dev.wavecraft.devserver.processor.UserCodeCall;
import dev.wavecraft.protocol.failure.FailureText;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * The generations compare can run beside the live one (the live one and those kept for rollback),
 * and a fresh copy of one of them, loaded from its classes and prepared as a reload's would be:
 * each call into its code bounded by the processor timeout. The live generation is not touched.
 */
public final class KeptGenerations {

    private final GenerationManager generations;
    private final ProcessorLoader loader;
    private final UserCodeCall userCode;

    public KeptGenerations(GenerationManager generations, ProcessorLoader loader) {
        this.generations = generations;
        this.loader = loader;
        this.userCode = loader.userCode();
    }

    public int live() {
        return generations.live().number();
    }

    /** Earlier good generations, newest first. */
    public List<Integer> kept() {
        return generations.rollbackCandidates();
    }

    /** Whether {@link #load} can find {@code number} now. */
    public boolean contains(int number) {
        return number == live() || kept().contains(number);
    }

    /**
     * Loads generation {@code number} anew and prepares it through {@code prepare}, on threads of its own.
     *
     * @return what {@code prepare} returned: the step that puts the copy on air
     * @throws ReloadFailure saying why it could not (no longer kept, failed or stuck code)
     */
    public Runnable load(int number, Preparation prepare) throws ReloadFailure {
        RollbackPoint point = generations.pointOf(number).orElseThrow(() -> new ReloadFailure("compare",
                "Generation " + number + " is no longer kept; these are: " + live() + " (live) and " + kept() + ".",
                null));
        try {
            LoadedProcessor copy = loader.load(point.snapshot(), point.dependencies(), number);
            return userCode.run("Preparing a copy of generation " + number + " of " + copy.className()
                    + " to compare (its prepare(), the warm-up's process() or reset())",
                    "wavecraft-compare-" + number + "-prepare", copy.loader(), () -> prepare.prepare(number, copy));
        } catch (ProcessorLoadException e) {
            throw new ReloadFailure("compare", FailureText.of(e), null);
        } catch (StuckUserCode stuck) {
            throw new ReloadFailure("compare", stuck.getMessage(), null);
        } catch (ExecutionException e) {
            throw new ReloadFailure("compare", "Preparing generation " + number + " to compare failed: "
                    + e.getCause() + ".", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReloadFailure("compare", "Interrupted while loading generation " + number + " to compare.",
                    null);
        }
    }

    /** Prepares a loaded copy to run beside the live generation (the audio engine's compare). */
    @FunctionalInterface
    public interface Preparation {

        /** @return the step that puts the prepared copy on air */
        Runnable prepare(int generation, LoadedProcessor copy);
    }
}
