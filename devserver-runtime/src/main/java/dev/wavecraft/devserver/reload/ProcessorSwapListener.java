package dev.wavecraft.devserver.reload;

import dev.wavecraft.devserver.processor.LoadedProcessor;

/**
 * Hears about every generation that goes live (reload or rollback), in two steps on the reload
 * thread: {@link #prepare} before the old generation's state is handed over (so a warm-up can
 * end in {@code reset()} without wiping that state), and the returned step once it is live.
 */
@FunctionalInterface
public interface ProcessorSwapListener {

    ProcessorSwapListener NONE = (generation, next) -> () -> { };

    /** @return what to run once {@code next} is the live generation */
    Runnable prepare(int generation, LoadedProcessor next);
}
