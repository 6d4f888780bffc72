package dev.wavecraft.maven.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Watches a project's source roots, resource roots and POM on one thread, {@code wavecraft-watcher},
 * and reports each settled change once. Events only say where to look ({@link ChangeHints}); after
 * the quiet period ({@link Debouncer}) the hinted paths, or after an OVERFLOW, lost events or a
 * watcher error every file, are compared with the {@link Snapshot} of content hashes. So editors'
 * write-a-temp-file-and-rename saves count as one change, and touches and undone edits as none.
 */
public final class SourceWatcher implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);
    private static final long IDLE_WAKE_UP_NANOS = ChangeHints.POLL_INTERVAL.toNanos();

    private final WatchedPaths paths;
    private final ChangeListener listener;
    private final Consumer<String> warnings;
    private final Snapshot snapshot;
    private final Debouncer debouncer;
    private final ChangeHints hints;
    private final AtomicInteger rescans = new AtomicInteger();

    // The window being collected; owned by the watcher thread.
    private Set<Path> pending = new HashSet<>();
    private boolean rescanDue;
    private Instant windowOpenedAt;

    private volatile boolean closing;
    private volatile Thread thread;

    public SourceWatcher(WatchSettings settings, ChangeListener listener, Consumer<String> warnings) {
        this(settings, listener, warnings, FileEvents.NATIVE);
    }

    SourceWatcher(WatchSettings settings, ChangeListener listener, Consumer<String> warnings,
                  FileEvents.Opener fileEvents) {
        this.paths = new WatchedPaths(settings);
        this.listener = listener;
        this.warnings = warnings;
        this.snapshot = new Snapshot(warnings);
        this.debouncer = new Debouncer(settings.quietPeriod(), settings.maxWait(), settings.adaptive());
        this.hints = new ChangeHints(paths, snapshot, fileEvents, warnings, new ChangeHints.Receiver() {
            @Override
            public void look(Path path) {
                pending.add(path);
                eventSeen();
            }

            @Override
            public void lookEverywhere() {
                rescanDue = true;
                eventSeen();
            }
        });
    }

    /**
     * Registers the watches, then takes the snapshot that later changes are measured against (in
     * this order, so nothing written in between is missed), then starts the thread.
     */
    public void start() throws IOException {
        start(Optional.empty());
    }

    /**
     * Starts like {@link #start()} right after a build that began at {@code buildStartedAt} (a time
     * of this file system's clock). A file modified since then may have been saved after the build
     * read it: it is left out of the snapshot and reported as a change at once, so a save made
     * while the first build ran is built again.
     */
    public synchronized void start(Optional<FileTime> buildStartedAt) throws IOException {
        if (thread != null || closing) {
            throw new IllegalStateException("A source watcher starts once, and not after close()");
        }
        try {
            hints.open();
            Set<Path> files = paths.listFiles();
            Set<Path> recent = buildStartedAt.isPresent() ? modifiedSince(files, buildStartedAt.get()) : Set.of();
            Set<Path> settled = new HashSet<>(files);
            settled.removeAll(recent);
            snapshot.apply(snapshot.compare(settled, path -> false));
            if (!recent.isEmpty()) {
                pending.addAll(recent);
                eventSeen();
            }
        } catch (IOException | RuntimeException e) {
            hints.close();
            throw e;
        }
        Thread watcher = new Thread(this::run, "wavecraft-watcher");
        watcher.setDaemon(true);
        thread = watcher;
        watcher.start();
    }

    private static Set<Path> modifiedSince(Set<Path> files, FileTime since) {
        Set<Path> recent = new HashSet<>();
        for (Path file : files) {
            try {
                if (Files.getLastModifiedTime(file).compareTo(since) >= 0) {
                    recent.add(file);
                }
            } catch (IOException e) {
                recent.add(file); // gone or unreadable just now: the first report settles it
            }
        }
        return recent;
    }

    /** Stops the file events and the thread, waiting a bounded time for them. */
    @Override
    public void close() {
        closing = true;
        hints.close();
        Thread watcher = thread;
        if (watcher == null || watcher == Thread.currentThread()) {
            return; // not started, or called by the listener: the loop ends when the listener returns
        }
        watcher.interrupt();
        try {
            watcher.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (watcher.isAlive()) {
            warnings.accept("The source watcher thread did not stop within " + JOIN_TIMEOUT.toSeconds() + " s.");
        }
    }

    /** Full rescans so far: after an OVERFLOW, lost events or a watcher error (polling rounds not counted). */
    public int rescans() {
        return rescans.get();
    }

    private void run() {
        try {
            watchUntilClosed();
        } finally {
            Thread.interrupted(); // close()'s interrupt has done its work; closing waits for the file events' thread
            hints.close(); // also when close() came while the file events were being opened anew
        }
    }

    private void watchUntilClosed() {
        while (!closing) {
            try {
                long now = System.nanoTime();
                if (debouncer.isDue(now)) {
                    report();
                } else {
                    hints.await(debouncer.isOpen() ? debouncer.deadline() : now + IDLE_WAKE_UP_NANOS);
                }
            } catch (InterruptedException e) {
                // close() sets closing before it interrupts; any other interrupt is a stray one, now cleared.
            } catch (IOException | RuntimeException e) {
                if (closing) {
                    return; // e.g. a hash interrupted by close()
                }
                warnings.accept("Watching the sources failed (" + e + "); looking at every file again.");
                rescanDue = true;
                eventSeen();
                try {
                    TimeUnit.NANOSECONDS.sleep(IDLE_WAKE_UP_NANOS); // a failure that repeats must not spin
                } catch (InterruptedException stray) {
                    // the loop checks closing
                }
            }
        }
    }

    private void eventSeen() {
        if (!debouncer.isOpen()) {
            windowOpenedAt = Instant.now();
        }
        debouncer.eventAt(System.nanoTime());
    }

    private void report() throws IOException {
        Set<Path> looked = pending;
        boolean fullRescan = rescanDue;
        Instant firstEventAt = windowOpenedAt;
        pending = new HashSet<>();
        rescanDue = false;
        debouncer.reported();

        Set<Path> hinted = new HashSet<>();
        for (Path path : looked) {
            hinted.addAll(paths.listFiles(path));
            hinted.addAll(snapshot.pathsUnder(path));
        }
        Set<Path> candidates = new HashSet<>(hinted);
        if (fullRescan) {
            candidates.addAll(paths.listFiles());
            candidates.addAll(snapshot.paths());
            rescans.incrementAndGet();
        }
        // Hinted files are always hashed; the rest of a rescan may be taken on settled metadata.
        Snapshot.Comparison comparison = snapshot.compare(candidates, path -> !hinted.contains(path));
        snapshot.apply(comparison);
        if (comparison.hasChanges()) {
            ChangeSet changes = changeSet(comparison, firstEventAt);
            tellListener(() -> listener.changed(changes));
        } else if (!looked.isEmpty()) {
            tellListener(() -> listener.skipped(Set.copyOf(looked)));
        }
    }

    private ChangeSet changeSet(Snapshot.Comparison comparison, Instant firstEventAt) {
        Set<Path> sources = new HashSet<>();
        Set<Path> resources = new HashSet<>();
        Set<Path> ui = new HashSet<>();
        Set<Path> poms = new HashSet<>();
        Set<Path> affected = new HashSet<>(comparison.changed());
        affected.addAll(comparison.deleted());
        for (Path path : affected) {
            WatchedPaths.Origin origin = paths.originOf(path);
            if (origin == WatchedPaths.Origin.POM) {
                poms.add(path);
            } else if (origin == WatchedPaths.Origin.SOURCE) {
                sources.add(path);
            } else if (origin == WatchedPaths.Origin.RESOURCE) {
                resources.add(path);
            } else if (origin == WatchedPaths.Origin.UI) {
                ui.add(path);
            }
        }
        return new ChangeSet(sources, resources, ui, poms, comparison.deleted(), firstEventAt);
    }

    private void tellListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            warnings.accept("The change listener failed (" + e + "); the watcher goes on.");
        } finally {
            if (!closing) {
                Thread.interrupted(); // a listener that re-asserted an interrupt it caught must not stop the watcher
            }
        }
    }
}
