package dev.wavecraft.devserver.session;

import dev.wavecraft.devserver.audio.Listening;
import dev.wavecraft.devserver.compare.CompareSettings;
import java.util.Map;

/**
 * What one run leaves for the next.
 *
 * @param values parameter values by id, in the layout's order
 * @param input the input that played, in its command-line form ({@code InputSpec#format})
 * @param configuredInput {@code wavecraft.input} as the run was started with; when the next run is
 *     started with another, the user changed it on purpose and it wins over {@code input}
 * @param compare compare's settings; null in files written before sessions kept them
 */
public record Session(Map<String, Double> values, String input, String configuredInput, Compare compare) {

    /**
     * Compare's settings as the file holds them, {@code listening} in the protocol's spelling. A's
     * generation is not kept: the next run numbers and keeps its generations anew, so the number
     * would name another version of the code, or none.
     */
    public record Compare(boolean enabled, String listening, boolean matchLoudness) {

        static Compare of(CompareSettings settings) {
            return new Compare(settings.enabled(), settings.listening().wireName(), settings.matchLoudness());
        }

        /**
         * @throws IllegalArgumentException when {@code listening} is not a, b or diff (a missing one reads as b)
         */
        CompareSettings settings() {
            Listening heard = listening == null ? Listening.B : Listening.fromWireName(listening)
                    .orElseThrow(() -> new IllegalArgumentException("listening is \"" + listening
                            + "\", not a, b or diff"));
            return new CompareSettings(enabled, heard, matchLoudness);
        }
    }
}
