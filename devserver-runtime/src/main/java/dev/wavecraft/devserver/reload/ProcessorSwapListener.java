package dev.wavecraft.devserver.reload;

import dev.wavecraft.devserver.processor.LoadedProcessor;
import java.util.function.BooleanSupplier;

/**
 * Hears about every generation that goes live (reload or rollback), in two steps on the reload
 * thread: {@link #prepare} before the old generation's state is handed over (so a warm-up can
 * end in {@code reset()} without wiping that state), and the returned step once it is live, which
 * puts it on air and answers whether it was heard within its bound.
 */
@FunctionalInterface
public interface ProcessorSwapListener {

    /** Nothing plays: every generation counts as heard. */
    ProcessorSwapListener NONE = (generation, next) -> () -> true;

    /** @return what to run once {@code next} is the live generation; true when it was heard */
    BooleanSupplier prepare(int generation, LoadedProcessor next);
}
