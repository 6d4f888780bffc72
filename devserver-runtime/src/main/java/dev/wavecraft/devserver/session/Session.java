package dev.wavecraft.devserver.session;

import java.util.Map;

/**
 * What one run leaves for the next.
 *
 * <p>The compare settings (A/B) belong here too once compare exists: add them as a component
 * (null in files written before), capture them in {@link SessionRecorder#capture}, and set them
 * back in {@link SessionRestore}; {@link SessionFile} reads a file without them.
 *
 * @param values parameter values by id, in the layout's order
 * @param input the input that played, in its command-line form ({@code InputSpec#format})
 * @param configuredInput {@code wavecraft.input} as the run was started with; when the next run is
 *     started with another, the user changed it on purpose and it wins over {@code input}
 */
public record Session(Map<String, Double> values, String input, String configuredInput) {
}
