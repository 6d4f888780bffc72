package dev.wavecraft.maven.supervise;

import dev.wavecraft.protocol.classpath.ProjectClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the classes the server last loaded successfully, so that a server restarted after a
 * crash runs them even when a later build left {@code target/classes} broken or half written, or
 * {@code target/} was deleted: {@link #outsideTheProject} keeps it in a directory of its own,
 * which {@link #close} removes.
 */
public final class LastGoodClasses implements AutoCloseable {

    private final Path directory;
    private final Path removedOnClose;
    private ProjectClasspath classpath;
    private int generation;

    /** @param directory where the copy lives, removed on {@link #close} */
    public LastGoodClasses(Path directory) {
        this(directory, directory);
    }

    private LastGoodClasses(Path directory, Path removedOnClose) {
        this.directory = directory;
        this.removedOnClose = removedOnClose;
    }

    /** A copy in a fresh temporary directory, beyond the reach of a {@code mvn clean} or {@code rm -rf target}. */
    public static LastGoodClasses outsideTheProject() throws IOException {
        Path root = Files.createTempDirectory("wavecraft-last-good-");
        return new LastGoodClasses(root.resolve("classes"), root);
    }

    /**
     * Copies {@code loaded}'s classes directories, which the server's generation {@code generation}
     * runs, to {@code 0}, {@code 1}, ... inside the directory, in classpath order.
     */
    public synchronized void record(ProjectClasspath loaded, int generation) throws IOException {
        Path fresh = directory.resolveSibling(directory.getFileName() + ".new");
        deleteTree(fresh);
        List<Path> copies = new ArrayList<>();
        for (int index = 0; index < loaded.classesDirectories().size(); index++) {
            copyTree(loaded.classesDirectories().get(index), fresh.resolve(Integer.toString(index)));
            copies.add(directory.resolve(Integer.toString(index)));
        }
        deleteTree(directory);
        Files.move(fresh, directory, StandardCopyOption.ATOMIC_MOVE);
        this.classpath = new ProjectClasspath(copies, loaded.dependencies());
        this.generation = generation;
    }

    /** The directory of its own it lives in, which the run's servers keep their reload history in too. */
    public Path home() {
        return removedOnClose;
    }

    /** The copies and the dependencies they ran with. */
    public synchronized ProjectClasspath classpath() {
        if (classpath == null) {
            throw new IllegalStateException("no generation was recorded yet");
        }
        return classpath;
    }

    /** The number the server gave the copied generation. */
    public synchronized int generation() {
        return generation;
    }

    /** Removes the copy, and the directory of its own it lives in. */
    @Override
    public synchronized void close() throws IOException {
        deleteTree(directory.resolveSibling(directory.getFileName() + ".new"));
        deleteTree(removedOnClose);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
