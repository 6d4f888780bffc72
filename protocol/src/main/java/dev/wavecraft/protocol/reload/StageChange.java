package dev.wavecraft.protocol.reload;

import java.util.List;

/**
 * How a reload changed the stages of a signal chain, by stage id: those {@code added} (their
 * parameters start at their defaults), those {@code removed}, and whether the ones on both sides
 * now run in another order.
 *
 * @param chain whether the old or the new generation is a chain at all; {@link #NONE} when neither is
 */
public record StageChange(boolean chain, List<String> added, List<String> removed, boolean reordered) {

    public static final StageChange NONE = new StageChange(false, List.of(), List.of(), false);

    public StageChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** Whether the stages are the same ones in the same order (or there are none). */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && !reordered;
    }
}
