package dev.wavecraft.devserver.processor;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one call into the project's code outside the audio callback (class initialisation, the
 * constructor, {@code parameters()}, {@code prepare()} and the warm-up, the state hand-over) on a
 * fresh thread of its own, under the processor timeout. That code may throw or never return: no
 * thread of the server waits on it longer than the timeout, and a call that does not return is
 * interrupted and abandoned, its thread left behind as a daemon.
 */
public final class UserCodeCall {

    private final Duration timeout;

    public UserCodeCall(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * @param what the call as a user reads it, e.g. "Preparing generation 2 of demo.Tone"
     * @param threadName the thread's name, which a stuck call's report shows
     * @param loader the context class loader, the generation's own
     * @throws StuckUserCode when the call did not return within the timeout
     * @throws ExecutionException with what the call threw as its cause
     */
    public <T> T run(String what, String threadName, ClassLoader loader, Callable<T> call)
            throws StuckUserCode, ExecutionException, InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            StackTraceElement[] stack = thread.getStackTrace();
            thread.interrupt();
            throw new StuckUserCode(what, timeout, thread, stack);
        }
    }
}
