package dev.wavecraft.maven.rebuild;

import dev.wavecraft.protocol.reload.Diagnostic;
import java.util.List;

/**
 * What one build came to.
 *
 * @param output the build's output, for the browser's error overlay
 * @param problem why a build could not even run (timeout, Maven missing), or null
 */
public record BuildResult(boolean succeeded, long buildMs, List<Diagnostic> diagnostics, String output,
        String problem) {

    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
