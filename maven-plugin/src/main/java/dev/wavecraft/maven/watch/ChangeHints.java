package dev.wavecraft.maven.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where to look: turns WatchService events into paths for the watcher thread to check, keeps the
 * roots and the POMs' directories watched as they appear, vanish or are replaced, registers new
 * directories as they appear, and, when Linux's inotify limits are reached, says so once and
 * polls instead. Used by the watcher thread only, except {@link #close()}.
 */
final class ChangeHints implements AutoCloseable {

    /** Told where something may have changed. */
    interface Receiver {
        void look(Path path);

        /** After an OVERFLOW or a lost watch, when no single path can be trusted. */
        void lookEverywhere();
    }

    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final long POLL_NANOS = POLL_INTERVAL.toNanos();
    private static final String POLLING = "Checking the sources for changes every 500 ms instead, which is slower.";

    /**
     * A directory watched while it exists: a root with everything under it, or a POM's directory
     * alone, where only {@code pom} counts.
     */
    private record Anchor(Path dir, boolean recursive, Path pom) {
    }

    private final WatchedPaths paths;
    private final Snapshot snapshot;
    private final WatchServiceFactory factory;
    private final Consumer<String> warnings;
    private final Receiver receiver;
    private final List<Anchor> anchors = new ArrayList<>();
    private final Map<Path, Object> armed = new HashMap<>(); // anchor -> identity of the directory we watch there
    private volatile DirectoryWatches watches; // null while polling
    private long nextPollAt;
    private boolean warnedAboutLimit;

    ChangeHints(WatchedPaths paths, Snapshot snapshot, WatchServiceFactory factory, Consumer<String> warnings,
                Receiver receiver) {
        this.paths = paths;
        this.snapshot = snapshot;
        this.factory = factory;
        this.warnings = warnings;
        this.receiver = receiver;
        paths.roots().forEach(root -> anchors.add(new Anchor(root, true, null)));
        paths.poms().stream().filter(pom -> pom.getParent() != null)
                .forEach(pom -> anchors.add(new Anchor(pom.getParent(), false, pom)));
    }

    /** Registers the watches of what exists now, or starts polling when inotify's limits are reached. */
    void open() throws IOException {
        try {
            watches = new DirectoryWatches(factory.newWatchService());
        } catch (IOException e) {
            fallBackToPolling(e);
        }
        checkAnchors(file -> { }); // the snapshot taken next covers what exists now
    }

    /** Waits for events until {@code wakeUp} (a {@link System#nanoTime()}) and passes on where they point. */
    void await(long wakeUp) throws IOException, InterruptedException {
        long now = System.nanoTime();
        DirectoryWatches current = watches;
        if (current == null) {
            if (now - nextPollAt >= 0) {
                nextPollAt = now + POLL_NANOS;
                pollOnce();
            } else {
                TimeUnit.NANOSECONDS.sleep(Math.min(wakeUp - now, nextPollAt - now));
            }
            return;
        }
        WatchKey key = current.poll(Math.max(0, wakeUp - now));
        while (key != null) {
            handle(current, key);
            if (watches != current || System.nanoTime() - wakeUp >= 0) {
                return; // fell back to polling, or a report is due while events keep coming
            }
            key = current.pollNow();
        }
        checkAnchors(receiver::look);
    }

    /** Gives up on the WatchService after it failed in a way we cannot recover from. */
    void pollInstead(String reason) {
        warnings.accept(reason + " " + POLLING);
        startPolling();
    }

    @Override
    public void close() {
        DirectoryWatches current = watches;
        if (current != null) {
            current.close();
        }
    }

    private void handle(DirectoryWatches current, WatchKey key) throws IOException {
        Path dir = current.dirOf(key);
        if (dir == null) {
            return; // a watch we dropped; its events are stale
        }
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                receiver.lookEverywhere();
            } else {
                onEvent(dir.resolve((Path) event.context()), event.kind());
            }
        }
        if (!key.reset()) {
            // The directory went away, or the watch was lost: trust nothing.
            current.forget(key);
            armed.remove(dir);
            receiver.lookEverywhere();
        }
    }

    private void onEvent(Path path, WatchEvent.Kind<?> kind) throws IOException {
        DirectoryWatches current = watches;
        if (kind == ENTRY_DELETE && current != null) {
            current.forgetUnder(path).forEach(armed::remove);
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            if (kind == ENTRY_CREATE && paths.isWatchedDirectory(path)) {
                paths.walk(path, this::watchDirectory, receiver::look); // files written before the watch existed too
            }
            if (kind != ENTRY_MODIFY && snapshot.hasAnyUnder(path)) {
                receiver.look(path);
            }
        } else if (paths.isWatchedFile(path) || snapshot.hasAnyUnder(path)) {
            receiver.look(path);
        }
    }

    private void checkAnchors(Consumer<Path> onFile) throws IOException {
        for (Anchor anchor : anchors) {
            if (watches == null) {
                return;
            }
            Object identity = identityOf(anchor.dir());
            Object armedAs = armed.get(anchor.dir());
            if (armedAs != null && !armedAs.equals(identity)) {
                // Deleted, or moved away and made again: the old watches point elsewhere or nowhere.
                armed.remove(anchor.dir());
                watches.forgetUnder(anchor.dir()).forEach(armed::remove);
                receiver.look(anchor.recursive() ? anchor.dir() : anchor.pom());
                armedAs = null;
            }
            if (armedAs == null && identity != null) {
                if (anchor.recursive()) {
                    paths.walk(anchor.dir(), this::watchDirectory, onFile);
                } else if (watchDirectory(anchor.dir()) && Files.isRegularFile(anchor.pom())) {
                    onFile.accept(anchor.pom());
                }
                if (watches != null) {
                    armed.put(anchor.dir(), identity);
                }
            }
        }
    }

    /** Watches one directory; false skips its subtree (gone, not watchable, or we fell back to polling). */
    private boolean watchDirectory(Path dir) throws IOException {
        DirectoryWatches current = watches;
        if (current == null) {
            return false;
        }
        try {
            current.register(dir);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            if (InotifyLimits.warningFor(e, POLLING).isPresent()) {
                fallBackToPolling(e);
            } else {
                warnings.accept("Cannot watch " + dir + " (" + e + "); changes under it are not seen.");
            }
            return false;
        }
    }

    /** Polls when {@code e} is an inotify limit, warning once; rethrows anything else. */
    private void fallBackToPolling(IOException e) throws IOException {
        String warning = InotifyLimits.warningFor(e, POLLING).orElseThrow(() -> e);
        if (!warnedAboutLimit) {
            warnedAboutLimit = true;
            warnings.accept(warning);
        }
        startPolling();
    }

    private void startPolling() {
        DirectoryWatches current = watches;
        watches = null;
        if (current != null) {
            current.close();
        }
        armed.clear();
        nextPollAt = System.nanoTime() + POLL_NANOS;
    }

    /** One polling round: every file whose metadata (or, if recently written, content) differs is a hint. */
    private void pollOnce() throws IOException {
        Set<Path> candidates = new HashSet<>(paths.listFiles());
        candidates.addAll(snapshot.paths());
        Snapshot.Comparison comparison = snapshot.compare(candidates, path -> true);
        Set<Path> differing = comparison.differing();
        if (differing.isEmpty()) {
            snapshot.apply(comparison); // files that became settled
        } else {
            differing.forEach(receiver::look);
        }
    }

    /** The inode (or, where there is none, mere existence) of a directory; null when it is not a directory. */
    private static Object identityOf(Path dir) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class);
            if (!attributes.isDirectory()) {
                return null;
            }
            return attributes.fileKey() != null ? attributes.fileKey() : Boolean.TRUE;
        } catch (IOException e) {
            return null;
        }
    }
}
