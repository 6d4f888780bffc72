package dev.wavecraft.devserver.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user project's classes directory and dependency jars, without the api jar (the server
 * supplies those classes so the types match). Written by the mojo, one path a line, classes first.
 */
public record ProjectClasspath(Path classesDirectory, List<Path> dependencies) {

    public ProjectClasspath {
        dependencies = List.copyOf(dependencies);
    }

    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(classesDirectory.toString());
        dependencies.forEach(dependency -> lines.add(dependency.toString()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    public static ProjectClasspath read(Path file) throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                entries.add(Path.of(line));
            }
        }
        if (entries.isEmpty()) {
            throw new IOException(file + " lists no classes directory");
        }
        return new ProjectClasspath(entries.get(0), entries.subList(1, entries.size()));
    }
}
