package dev.wavecraft.devserver.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A run's measured figures: printed to the test log and written to {@code target/load/<name>.txt}. */
final class Figures {

    private static final Path DIRECTORY = Path.of("target", "load");

    private final String title;
    private final List<String> lines = new ArrayList<>();

    Figures(String title) {
        this.title = title;
    }

    Figures add(String name, Object value) {
        lines.add(name + ": " + value);
        return this;
    }

    /** Prints the figures and writes them to {@code target/load/<name>.txt}; returns that file. */
    Path write(String name) {
        String text = title + System.lineSeparator() + String.join(System.lineSeparator(), lines)
                + System.lineSeparator();
        System.out.print(text);
        try {
            Files.createDirectories(DIRECTORY);
            Path file = DIRECTORY.resolve(name + ".txt");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
