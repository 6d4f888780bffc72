package dev.wavecraft.protocol.classpath;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user project's classes directories and dependency jars, without the api jar (the server
 * supplies those classes so the types match). The first classes directory is the processor
 * module's own; the others belong to local modules of the same build it depends on, in classpath
 * order, and are reloaded like its own. Written by the mojo one entry a line, {@code classes <path>}
 * or {@code dependency <path>}, classes first.
 */
public record ProjectClasspath(List<Path> classesDirectories, List<Path> dependencies) {

    private static final String CLASSES = "classes";
    private static final String DEPENDENCY = "dependency";

    public ProjectClasspath {
        classesDirectories = List.copyOf(classesDirectories);
        dependencies = List.copyOf(dependencies);
        if (classesDirectories.isEmpty()) {
            throw new IllegalArgumentException("A project classpath needs at least one classes directory");
        }
    }

    /** A project of one module: its classes directory and its dependencies. */
    public static ProjectClasspath of(Path classesDirectory, List<Path> dependencies) {
        return new ProjectClasspath(List.of(classesDirectory), dependencies);
    }

    /** The processor module's own classes directory. */
    public Path classesDirectory() {
        return classesDirectories.get(0);
    }

    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        classesDirectories.forEach(directory -> lines.add(CLASSES + " " + directory.toAbsolutePath()));
        dependencies.forEach(dependency -> lines.add(DEPENDENCY + " " + dependency.toAbsolutePath()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    public static ProjectClasspath read(Path file) throws IOException {
        List<Path> classes = new ArrayList<>();
        List<Path> dependencies = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            String kind = space < 0 ? line : line.substring(0, space);
            String path = space < 0 ? "" : line.substring(space + 1);
            if (path.isEmpty() || !(kind.equals(CLASSES) || kind.equals(DEPENDENCY))) {
                throw new IOException(file + " line " + number + ": expected 'classes <path>' or 'dependency <path>'"
                        + " but found '" + line + "'. Run 'mvn wavecraft:classpath' to write it again.");
            }
            (kind.equals(CLASSES) ? classes : dependencies).add(Path.of(path));
        }
        if (classes.isEmpty()) {
            throw new IOException(file + " lists no classes directory (no 'classes <path>' line)."
                    + " Run 'mvn wavecraft:classpath' to write it again.");
        }
        return new ProjectClasspath(classes, dependencies);
    }
}
