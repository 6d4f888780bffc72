package dev.wavecraft.devserver.launch;

import dev.wavecraft.devserver.control.BoundedLineReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The server's standard input, a pipe held by the mojo. Its first line is the control channel's
 * secret (a pipe, unlike a command line, is visible to no other user). After that, end of file
 * means the Maven JVM is gone: when it exits or is killed, even with SIGKILL, the kernel closes
 * the pipe and the read returns at once, so the server ends too. The mojo also sends a heartbeat
 * byte every second; once the first has arrived, silence for {@link #HEARTBEAT_TIMEOUT} means
 * Maven is suspended (SIGSTOP, a frozen terminal) and the server ends as well.
 */
final class ParentWatchdog {

    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    private static final int MAX_SECRET_CHARS = 1024;

    private volatile long lastHeartbeat;
    private volatile boolean armed;

    private ParentWatchdog() {
    }

    /**
     * @param onParentGone runs once with the reason, when the pipe ends or heartbeats stop
     * @throws IOException when the pipe ends before a secret arrives
     */
    static String readSecretAndWatch(InputStream parentPipe, Consumer<String> onParentGone)
            throws IOException {
        String secret = new BoundedLineReader(parentPipe, MAX_SECRET_CHARS).readLine();
        if (secret == null || secret.isBlank()) {
            throw new IOException("No control secret on standard input; the dev server is started by wavecraft:run");
        }
        new ParentWatchdog().watch(parentPipe, onParentGone);
        return secret;
    }

    private void watch(InputStream parentPipe, Consumer<String> onParentGone) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (parentPipe.read(buffer) >= 0) {
                    lastHeartbeat = System.nanoTime();
                    armed = true;
                }
            } catch (IOException e) {
                // A broken pipe means the same as end of file: the parent is gone.
            }
            onParentGone.accept("The Maven JVM that started the dev server is gone; stopping.");
        }, "wavecraft-parent-watch");
        reader.setDaemon(true);
        reader.start();
        ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "wavecraft-heartbeat-check");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(() -> {
            if (armed && System.nanoTime() - lastHeartbeat > HEARTBEAT_TIMEOUT.toNanos()) {
                onParentGone.accept("No heartbeat from the Maven JVM for " + HEARTBEAT_TIMEOUT.toSeconds()
                        + " s (suspended or frozen); stopping.");
            }
        }, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }
}
