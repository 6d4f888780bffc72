package dev.wavecraft.api;

import java.util.List;
import java.util.Map;

/**
 * An audio processor: the one type a Wavecraft project implements.
 *
 * <p>The dev server finds implementations with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.wavecraft.api.Processor}, or name it with the plugin's
 * {@code <processor>} setting. It needs a public no-argument constructor.
 *
 * <p>Threading: {@link #parameters()}, {@link #prepare}, {@link #reset()} and the state methods are
 * called off the audio thread; {@link #process} is called on the audio thread and should neither
 * allocate nor block.
 */
public interface Processor {

    /**
     * The parameters in display order. Called once per loaded generation of the processor; the
     * result is validated with {@link ParameterLayout#of(List)}.
     */
    List<Parameter> parameters();

    /**
     * Processes one block in place. An instrument reads the block's note events from
     * {@code block.notes()}, each at its frame offset, and writes its output over the input.
     *
     * @param block the audio to transform, {@code block.frames()} frames per channel, and its note events
     * @param values the parameter values for this block, read with {@code values.get(PARAM)}
     */
    void process(AudioBlock block, ParameterValues values);

    /** Called before the first block and whenever the sample rate or the maximum block size changes. */
    default void prepare(double sampleRate, int maxBlockSize) {
    }

    /** Clears internal state such as delay lines and filter memories. */
    default void reset() {
    }

    /**
     * State to hand to the next version of this processor after a hot reload, as plain data only:
     * {@code null}, {@link String}, {@link Boolean}, boxed numbers, primitive arrays, and
     * {@link List}s and {@link Map}s (with {@code String} keys) of those. Objects of the processor's
     * own classes cannot cross a reload, because the next version lives in a new class loader.
     */
    default Map<String, Object> saveState() {
        return Map.of();
    }

    /** Receives what the previous version returned from {@link #saveState()}, before its first block. */
    default void restoreState(Map<String, Object> state) {
    }
}
