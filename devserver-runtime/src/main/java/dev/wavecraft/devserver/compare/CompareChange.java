package dev.wavecraft.devserver.compare;

import dev.wavecraft.devserver.audio.Listening;
import java.util.Optional;

/** What a {@code setCompare} asks to change; an empty member leaves that setting as it is. */
public record CompareChange(Optional<Boolean> enabled, Optional<Integer> a, Optional<Listening> listening,
        Optional<Boolean> matchLoudness) {
}
