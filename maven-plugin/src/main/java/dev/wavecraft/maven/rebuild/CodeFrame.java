package dev.wavecraft.maven.rebuild;

import dev.wavecraft.protocol.reload.SourceLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The source lines around a diagnostic, for the browser's error overlay. */
final class CodeFrame {

    static final int CONTEXT_LINES = 2;
    private static final int MAX_LINE_LENGTH = 300;

    private CodeFrame() {
    }

    /** Lines {@code line - 2} to {@code line + 2} of the file, or none when it cannot be read as UTF-8. */
    static List<SourceLine> around(Path file, int line) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | UncheckedIOException e) {
            // Deleted since the build, or not UTF-8: the overlay shows the message without lines.
            return List.of();
        }
        List<SourceLine> frame = new ArrayList<>();
        for (int number = Math.max(1, line - CONTEXT_LINES); number <= Math.min(lines.size(), line + CONTEXT_LINES);
                number++) {
            String text = lines.get(number - 1);
            frame.add(new SourceLine(number, text.length() > MAX_LINE_LENGTH ? text.substring(0, MAX_LINE_LENGTH) : text));
        }
        return frame;
    }
}
