package dev.wavecraft.maven.rebuild;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * At most one build at a time: requests that arrive while one runs are merged into exactly one
 * pending build, which starts when the running one ends. Nothing is dropped and nothing queues twice.
 *
 * @param <T> what a build request carries; {@code merge} combines a pending one with a newer one
 */
public final class BuildGuard<T> implements AutoCloseable {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wavecraft-build");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.function.BinaryOperator<T> merge;
    private final Consumer<T> build;
    private T pending;
    private boolean scheduled;

    public BuildGuard(java.util.function.BinaryOperator<T> merge, Consumer<T> build) {
        this.merge = merge;
        this.build = build;
    }

    public synchronized void submit(T request) {
        pending = pending == null ? request : merge.apply(pending, request);
        if (!scheduled) {
            scheduled = true;
            executor.execute(this::runPending);
        }
    }

    private void runPending() {
        T next;
        synchronized (this) {
            next = pending;
            pending = null;
        }
        try {
            build.accept(next);
        } finally {
            synchronized (this) {
                if (pending != null) {
                    executor.execute(this::runPending);
                } else {
                    scheduled = false;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
