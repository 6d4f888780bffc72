package dev.wavecraft.devserver.reload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code wavecraft-reload} thread: reloads and rollbacks asked for over the control channel or
 * by a browser run here one after another, so neither the control connection's reader nor an
 * Undertow I/O thread ever waits on a reload or on the project's code. It knows whether work is
 * under way, so a browser's rollback can be refused at once instead of queued behind a stuck reload.
 */
final class ReloadWorker implements AutoCloseable {

    /** One reload or rollback. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws ReloadFailure;
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
        Thread named = new Thread(work, "wavecraft-reload");
        named.setDaemon(true);
        return named;
    });
    private final AtomicInteger unfinished = new AtomicInteger();

    /** Queues {@code work}; the future completes with its outcome, or its {@link ReloadFailure}. */
    <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        unfinished.incrementAndGet();
        thread.execute(() -> {
            T outcome = null;
            Throwable failure = null;
            try {
                outcome = work.run();
            } catch (Throwable e) {
                failure = e;
            }
            // Not busy any more before anyone hears of the outcome, who may well ask for the next.
            unfinished.decrementAndGet();
            if (failure == null) {
                result.complete(outcome);
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /** Whether a reload or rollback is running or queued. */
    boolean busy() {
        return unfinished.get() > 0;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
