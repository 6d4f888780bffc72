package dev.wavecraft.protocol.reload;

import java.util.List;

/**
 * A compiler message about one place in a file.
 *
 * @param file the path relative to the project
 * @param frame the lines around {@code line} as they were when the build ran; empty when the file
 *     could not be read
 */
public record Diagnostic(String file, int line, int column, String severity, String message, List<SourceLine> frame) {

    public Diagnostic {
        frame = frame == null ? List.of() : List.copyOf(frame);
    }

    public Diagnostic(String file, int line, int column, String severity, String message) {
        this(file, line, column, severity, message, List.of());
    }
}
