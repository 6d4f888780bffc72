package dev.wavecraft.devserver.params;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of stored values (a session, a preset, the values of a server that crashed) set on
 * the parameters as they are now: ids set as stored, ids whose value no longer fitted and was
 * clamped into the range, and ids the processor no longer has (or whose stored value is no
 * number) that were left out.
 */
public record AppliedValues(List<String> applied, List<String> clamped, List<String> dropped) {

    public AppliedValues {
        applied = List.copyOf(applied);
        clamped = List.copyOf(clamped);
        dropped = List.copyOf(dropped);
    }

    /** Whether every stored value was set as it was. */
    public boolean allFit() {
        return clamped.isEmpty() && dropped.isEmpty();
    }

    /** One line for a person: "3 values set; clamped into range: mix; dropped (no such parameter): old". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(applied.size() + (applied.size() == 1 ? " value" : " values") + " set as saved");
        if (!clamped.isEmpty()) {
            parts.add("clamped into the parameter's range: " + String.join(", ", clamped));
        }
        if (!dropped.isEmpty()) {
            parts.add("dropped (no such parameter, or not a number): " + String.join(", ", dropped));
        }
        return String.join("; ", parts);
    }
}
