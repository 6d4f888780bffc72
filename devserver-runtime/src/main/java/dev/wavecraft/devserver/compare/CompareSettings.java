package dev.wavecraft.devserver.compare;

import dev.wavecraft.devserver.audio.Listening;
import java.util.Optional;

/**
 * Compare's settings without A's generation: what a session keeps for the next run, whose
 * generations are numbered and kept anew, so that compare comes back against that run's default A.
 */
public record CompareSettings(boolean enabled, Listening listening, boolean matchLoudness) {

    /** As a server starts when nothing is restored. */
    public static final CompareSettings OFF = new CompareSettings(false, Listening.B, false);

    /** The settings of {@code view}. */
    public static CompareSettings of(CompareView view) {
        return new CompareSettings(view.enabled(), view.listening(), view.matchLoudness());
    }

    /** As a {@code setCompare} that names no A. */
    CompareChange change() {
        return new CompareChange(Optional.of(enabled), Optional.empty(), Optional.of(listening),
                Optional.of(matchLoudness));
    }

    /** For the terminal, e.g. "compare on, listening to diff, loudness matched". */
    public String describe() {
        return "compare " + (enabled ? "on" : "off") + ", listening to " + listening.wireName()
                + (matchLoudness ? ", loudness matched" : "");
    }
}
