package dev.wavecraft.maven.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.methvin.watcher.DirectoryChangeListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** A Maven-shaped project in a temporary directory, and the watchers started on it; {@link #close()} stops them all. */
final class TestProject implements AutoCloseable {

    final Path base;
    final Path sources;
    final Path resources;
    final Path pom;
    final RecordingListener listener = new RecordingListener();
    private final List<SourceWatcher> watchers = new ArrayList<>();

    TestProject(Path temp) throws IOException {
        base = temp.resolve("project");
        sources = base.resolve("src/main/java");
        resources = base.resolve("src/main/resources");
        pom = base.resolve("pom.xml");
        Files.createDirectories(sources);
        Files.createDirectories(resources);
        write(pom, "<project/>");
    }

    WatchSettings settings() {
        return WatchSettings.of(List.of(sources), List.of(resources), pom);
    }

    SourceWatcher start() throws IOException {
        return start(settings());
    }

    SourceWatcher start(WatchSettings settings) throws IOException {
        return start(new SourceWatcher(settings, listener, listener::warn));
    }

    /** A watcher started right after a build that began at {@code buildStartedAt}. */
    SourceWatcher startAfterBuild(FileTime buildStartedAt) throws IOException {
        SourceWatcher watcher = new SourceWatcher(settings(), listener, listener::warn);
        watchers.add(watcher);
        watcher.start(Optional.of(buildStartedAt));
        return watcher;
    }

    /**
     * A watcher on real file events that hands the listener it gives the library to {@code library},
     * so a test can tell the watcher what the library would on an overflow or a failure.
     */
    SourceWatcher startKeepingLibraryListener(AtomicReference<DirectoryChangeListener> library) throws IOException {
        return start(new SourceWatcher(settings(), listener, listener::warn, (dirs, visitor, events) -> {
            library.set(events);
            return FileEvents.NATIVE.open(dirs, visitor, events);
        }));
    }

    SourceWatcher start(SourceWatcher watcher) throws IOException {
        watchers.add(watcher);
        watcher.start();
        return watcher;
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Closes every watcher and checks that neither a watcher thread nor a file-event thread outlived its close(). */
    @Override
    public void close() {
        watchers.forEach(SourceWatcher::close);
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.isAlive())
                .extracting(Thread::getName)
                .doesNotContain("wavecraft-watcher", FileEvents.THREAD_NAME);
    }
}
