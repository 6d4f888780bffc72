package dev.wavecraft.devserver.compare;

import dev.wavecraft.devserver.audio.CompareLevels;
import dev.wavecraft.devserver.audio.Listening;
import java.util.List;

/**
 * What {@code getCompare} answers: the settings, the generations compared and the latest readings.
 *
 * @param a the generation compared as A (the one that would be, while compare is off)
 * @param b the live generation
 * @param stoppedBecause why compare turned itself off, until it is switched on again; null otherwise
 * @param kept the earlier good generations A can be besides B, newest first
 */
public record CompareView(boolean enabled, int a, int b, Listening listening, boolean matchLoudness,
        CompareLevels levels, String stoppedBecause, List<Integer> kept) {

    /** Whether the settings (not the readings) differ from {@code other}'s. */
    boolean settingsDiffer(CompareView other) {
        return enabled != other.enabled || a != other.a || listening != other.listening
                || matchLoudness != other.matchLoudness;
    }
}
