package dev.wavecraft.protocol.reload;

import java.util.List;

/**
 * What the build tool says about one build: the files that triggered it (relative to the project),
 * why it ran ("change", "manual", "pom"), and how long detection plus debounce and the build took.
 */
public record BuildReport(List<String> files, String trigger, long detectMs, long buildMs) {

    public BuildReport {
        files = List.copyOf(files);
    }
}
