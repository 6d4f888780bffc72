package dev.wavecraft.devserver.rpc;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Workers for RPC methods whose work is too long for the thread that read the request. */
final class Workers {

    private static final long IDLE_SECONDS = 10;

    private Workers() {
    }

    /**
     * One daemon thread named {@code name}, started when needed and gone when idle (so a server
     * needs no shutdown for it); requests wait their turn in order.
     */
    static Executor single(String name) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, name);
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
