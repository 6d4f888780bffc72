package dev.wavecraft.maven.watch;

import io.methvin.watcher.DirectoryChangeListener;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The native file events of some directories, from io.methvin's directory-watcher: inotify on
 * Linux, FSEvents on macOS (where the JDK's WatchService only polls). It registers the directories
 * the visitor enters, and those created later, and calls its listener on its own thread,
 * {@code wavecraft-file-events}. Hashing is off: the watcher's own snapshot is the truth.
 */
final class FileEvents implements AutoCloseable {

    /** Opens the events of some directories; tests wrap the native one, or fail as the operating system would. */
    @FunctionalInterface
    interface Opener {
        FileEvents open(List<Path> dirs, FileTreeVisitor visitor, DirectoryChangeListener listener) throws IOException;
    }

    static final Opener NATIVE = FileEvents::openNative;
    static final String THREAD_NAME = "wavecraft-file-events";
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final DirectoryWatcher watcher;
    private final Thread thread;
    private volatile boolean closed;

    private FileEvents(DirectoryWatcher watcher, Thread thread) {
        this.watcher = watcher;
        this.thread = thread;
    }

    /**
     * Registers {@code dirs} (and the directories the visitor enters under them) before it returns,
     * so nothing that happens afterwards is missed; fails with the operating system's error, such as
     * an inotify limit, when it cannot.
     */
    private static FileEvents openNative(List<Path> dirs, FileTreeVisitor visitor, DirectoryChangeListener listener)
            throws IOException {
        DirectoryWatcher watcher = DirectoryWatcher.builder().paths(dirs).fileTreeVisitor(visitor).fileHashing(false)
                .listener(listener).build();
        AtomicReference<Thread> loop = new AtomicReference<>();
        CompletableFuture<Void> watching = watcher.watchAsync(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            loop.set(thread);
            thread.start();
        });
        if (watching.isCompletedExceptionally()) { // the registration failed; no thread was started
            closeQuietly(watcher);
            throw registrationFailure(watching);
        }
        return new FileEvents(watcher, loop.get());
    }

    /** Whether the event loop ended without {@link #close()}, as it does once every watched directory went away. */
    boolean stopped() {
        return !closed && !thread.isAlive();
    }

    /** Stops the events and waits, a bounded time, for their thread to end. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(watcher);
        if (thread != Thread.currentThread()) {
            try {
                thread.join(JOIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The IOException inside the failed registration; anything else is thrown as it is. */
    private static IOException registrationFailure(CompletableFuture<Void> watching) {
        Throwable cause;
        try {
            watching.join();
            return new IOException("The file watches could not be registered");
        } catch (CompletionException e) {
            cause = e.getCause();
        }
        if (cause instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException("The file watches could not be registered", cause);
    }

    private static void closeQuietly(DirectoryWatcher watcher) {
        try {
            watcher.close();
        } catch (IOException e) {
            // Nothing left to do with a WatchService that fails to close; its thread is a daemon.
        }
    }
}
