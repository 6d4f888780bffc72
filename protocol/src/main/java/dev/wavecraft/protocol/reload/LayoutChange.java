package dev.wavecraft.protocol.reload;

import java.util.List;

/**
 * How a new parameter layout related to the old one, by id: {@code kept} values carried over
 * (clamped into a changed range), {@code reset} ones whose kind changed and so start at their
 * default, {@code added} ones new at their default, {@code removed} ones dropped.
 */
public record LayoutChange(List<String> added, List<String> removed, List<String> kept, List<String> reset) {

    public LayoutChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
        reset = List.copyOf(reset);
    }
}
