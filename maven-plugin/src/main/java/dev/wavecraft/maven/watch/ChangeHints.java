package dev.wavecraft.maven.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeEvent.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where to look: turns file events into paths for the watcher thread to check, keeps the roots and
 * the POMs' directories watched as they appear, vanish or are replaced, and, when Linux's inotify
 * limits are reached, says so once and polls instead. The events come from {@link FileEvents}
 * (which watches the directories created later too) through an {@link EventInbox}. Used by the
 * watcher thread only, except {@link #close()}.
 */
final class ChangeHints implements AutoCloseable {

    /** Told where something may have changed. */
    interface Receiver {
        void look(Path path);

        /** After an OVERFLOW or lost events, when no single path can be trusted. */
        void lookEverywhere();
    }

    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final long POLL_NANOS = POLL_INTERVAL.toNanos();
    private static final String POLLING = "Checking the sources for changes every 500 ms instead, which is slower.";

    /**
     * A directory watched while it exists: a root with everything under it, or a POM's directory,
     * where only {@code pom} (and the way down to the roots) counts.
     */
    private record Anchor(Path dir, boolean recursive, Path pom) {
    }

    private final WatchedPaths paths;
    private final Snapshot snapshot;
    private final FileEvents.Opener opener;
    private final Consumer<String> warnings;
    private final Receiver receiver;
    private final List<Anchor> anchors = new ArrayList<>();
    private final EventInbox inbox = new EventInbox();
    private SortedMap<Path, Object> armed = new TreeMap<>(); // anchor -> identity of the directory the events cover
    private volatile FileEvents events; // null before open() and while polling
    private boolean polling;
    private long nextPollAt;
    private boolean warnedAboutLimit;

    ChangeHints(WatchedPaths paths, Snapshot snapshot, FileEvents.Opener opener,
                Consumer<String> warnings, Receiver receiver) {
        this.paths = paths;
        this.snapshot = snapshot;
        this.opener = opener;
        this.warnings = warnings;
        this.receiver = receiver;
        paths.roots().forEach(root -> anchors.add(new Anchor(root, true, null)));
        paths.poms().stream().filter(pom -> pom.getParent() != null)
                .forEach(pom -> anchors.add(new Anchor(pom.getParent(), false, pom)));
    }

    /** Watches what exists now, or starts polling when inotify's limits are reached. */
    void open() throws IOException {
        rearm(false); // the snapshot taken next covers what exists now
    }

    /** Waits for events until {@code wakeUp} (a {@link System#nanoTime()}) and passes on where they point. */
    void await(long wakeUp) throws IOException, InterruptedException {
        if (polling) {
            long now = System.nanoTime();
            if (now - nextPollAt >= 0) {
                nextPollAt = now + POLL_NANOS;
                pollOnce();
            } else {
                TimeUnit.NANOSECONDS.sleep(Math.min(wakeUp - now, nextPollAt - now));
            }
            return;
        }
        EventInbox.Mail mail = inbox.take(wakeUp);
        for (Exception failure : mail.failures()) {
            onFailure(failure);
        }
        if (mail.lost()) {
            receiver.lookEverywhere(); // and the single events of this mail need no look
        } else {
            for (DirectoryChangeEvent event : mail.events()) {
                onEvent(event);
            }
        }
        rearm(true);
    }

    @Override
    public void close() {
        FileEvents current = events;
        if (current != null) {
            current.close();
        }
    }

    private void onEvent(DirectoryChangeEvent event) {
        if (event.eventType() == EventType.OVERFLOW) {
            receiver.lookEverywhere();
            return;
        }
        Path path = event.path();
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            // The files of a new directory come as events of their own (the library walks it once it
            // watches it); this is for a directory replaced, or moved in, where files were recorded.
            if (event.eventType() != EventType.MODIFY && snapshot.hasAnyUnder(path)) {
                receiver.look(path);
            }
        } else if (paths.isWatchedFile(path) || snapshot.hasAnyUnder(path)) {
            receiver.look(path);
        }
    }

    /** A directory the file events could not watch, or a failure of theirs. */
    private void onFailure(Exception failure) throws IOException {
        if (failure instanceof IOException e && InotifyLimits.warningFor(e, POLLING).isPresent()) {
            fallBackToPolling(e);
        } else {
            warnings.accept("Watching the sources failed (" + failure + "); looking at every file again.");
            receiver.lookEverywhere();
        }
    }

    /**
     * Opens the events anew whenever an anchor appeared, vanished or was replaced by another
     * directory (a moved directory keeps its watch, whose events would be taken for events at the
     * old place), or the events stopped; then looks at what changed, if {@code look}.
     */
    private void rearm(boolean look) throws IOException {
        if (polling) {
            return;
        }
        FileEvents current = events;
        boolean stopped = current == null || current.stopped();
        SortedMap<Path, Object> now = new TreeMap<>();
        List<Anchor> changed = new ArrayList<>();
        for (Anchor anchor : anchors) {
            Object identity = identityOf(anchor.dir());
            if (identity != null) {
                now.put(anchor.dir(), identity);
            }
            if (stopped || !Objects.equals(identity, armed.get(anchor.dir()))) {
                changed.add(anchor);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        FileEvents fresh;
        try {
            // The directories in order, so a parent comes before what is under it.
            fresh = opener.open(List.copyOf(now.keySet()), paths, inbox);
        } catch (IOException e) {
            fallBackToPolling(e);
            return;
        }
        events = fresh;
        armed = now;
        if (current != null) {
            current.close(); // after the new events exist, so nothing in between is missed
        }
        if (look) {
            changed.forEach(anchor -> receiver.look(anchor.recursive() ? anchor.dir() : anchor.pom()));
        }
    }

    /** Polls when {@code e} is an inotify limit, warning once; rethrows anything else. */
    private void fallBackToPolling(IOException e) throws IOException {
        String warning = InotifyLimits.warningFor(e, POLLING).orElseThrow(() -> e);
        if (!warnedAboutLimit) {
            warnedAboutLimit = true;
            warnings.accept(warning);
        }
        polling = true;
        close();
        events = null;
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
