package dev.wavecraft.devserver.testing;

import static dev.wavecraft.devserver.testing.Waits.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of its own under {@code java.io.tmpdir}, deleted with everything in it on close: what
 * {@code @TempDir} gives a test, for the extensions that make their own. Deleting is retried for a
 * while, because a process that has just been killed (a browser, a forked JVM) may still be letting
 * go of its files.
 */
public final class ScratchDirectory implements AutoCloseable {

    private static final Duration LET_GO = Duration.ofSeconds(10);

    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    public static ScratchDirectory create(String prefix) throws IOException {
        return new ScratchDirectory(Files.createTempDirectory(prefix));
    }

    public Path path() {
        return path;
    }

    /** Deletes {@code root} and everything under it, if it exists. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(root)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : deepestFirst) {
            Files.deleteIfExists(path);
        }
    }

    @Override
    public void close() {
        waitFor(path + " deleted", LET_GO)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    deleteTree(path);
                    return true;
                });
    }
}
