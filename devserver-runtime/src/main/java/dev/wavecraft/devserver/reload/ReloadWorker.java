package dev.wavecraft.devserver.reload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@code wavecraft-reload} thread: reloads and rollbacks asked for over the control channel or
 * by a browser run here one after another, so neither the control connection's reader nor an
 * Undertow I/O thread ever waits on a reload or on the project's code. Work queued behind a stuck
 * reload waits at most for that reload's bounded calls into the project's code to give up.
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

    /** Queues {@code work}; the future completes with its outcome, or its {@link ReloadFailure}. */
    <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread.execute(() -> {
            T outcome = null;
            Throwable failure = null;
            try {
                outcome = work.run();
            } catch (Throwable e) {
                failure = e;
            }
            if (failure == null) {
                result.complete(outcome);
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
