package dev.wavecraft.maven.bench;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * A series of edits: for each, the time from the file write to the notification that showed it,
 * and the reload history entry the dev server made for it (absent for rows measured another way).
 */
record Measured(String name, List<Long> saveToScreen, List<JsonObject> history) {

    Measured {
        saveToScreen = List.copyOf(saveToScreen);
        history = List.copyOf(history);
    }

    /** A row with no stage split, such as the restart loop. */
    static Measured withoutStages(String name, List<Long> saveToScreen) {
        return new Measured(name, saveToScreen, List.of());
    }

    /** Several series as one row. */
    static Measured joined(String name, List<Measured> parts) {
        return new Measured(name, parts.stream().flatMap(part -> part.saveToScreen().stream()).toList(),
                parts.stream().flatMap(part -> part.history().stream()).toList());
    }

    /** The same row restricted to its first edit. */
    Measured first(String firstName) {
        return new Measured(firstName, saveToScreen.subList(0, 1), history.isEmpty() ? List.of() : history.subList(0, 1));
    }

    /** One stage's time per edit ({@code detectMs}, {@code buildMs}, {@code reloadMs}, {@code notifyMs}). */
    List<Long> stage(String field) {
        return history.stream().map(entry -> entry.get(field).getAsLong()).toList();
    }
}
