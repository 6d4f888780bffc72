package dev.wavecraft.devserver.launch;

import dev.wavecraft.protocol.control.BoundedLineReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * The server's standard input, a pipe held by the mojo. Its first line is the control channel's
 * secret (a pipe, unlike a command line, is visible to no other user). After that, end of file
 * means the Maven JVM is gone: when it exits or is killed, even with SIGKILL, the kernel closes
 * the pipe and the read returns at once, so the server ends too. The mojo also sends a heartbeat
 * byte every second; when it says so (a heartbeat timeout), that long a silence means Maven is
 * suspended (SIGSTOP, a frozen terminal) and the server ends as well. The silence is counted only
 * while this JVM runs ({@link RunningSilence}): a server that was itself paused does not blame
 * Maven for it. The renderer's parent sends no secret; it is watched the same way through
 * {@link #watch}.
 */
public final class ParentWatchdog {

    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    /** A check later than this after the last one means this process stood still; more is not counted. */
    private static final Duration LONGEST_COUNTED_GAP = Duration.ofSeconds(1);
    private static final int MAX_SECRET_CHARS = 1024;

    /** Counted from the start: bytes the secret's reader read ahead are not seen here. */
    private volatile long reads;

    private ParentWatchdog() {
    }

    /**
     * @param heartbeatTimeout the longest silence before {@code onParentSilent} runs; zero for a
     *     parent that sends no heartbeats
     * @param onParentGone runs when the pipe ends
     * @param onParentSilent runs when the heartbeats stop; it must not write to the server's output,
     *     which a suspended Maven no longer reads, so a full pipe would block it
     * @throws IOException when the pipe ends before a secret arrives
     */
    static String readSecretAndWatch(InputStream parentPipe, Duration heartbeatTimeout, Runnable onParentGone,
            Runnable onParentSilent) throws IOException {
        String secret = new BoundedLineReader(parentPipe, MAX_SECRET_CHARS).readLine();
        if (secret == null || secret.isBlank()) {
            throw new IOException("No control secret on standard input; the dev server is started by wavecraft:run");
        }
        watch(parentPipe, heartbeatTimeout, onParentGone, onParentSilent);
        return secret;
    }

    /**
     * Watches a pipe that carries no secret, only heartbeats, from now on; arguments as for
     * {@link #readSecretAndWatch}.
     */
    public static void watch(InputStream parentPipe, Duration heartbeatTimeout, Runnable onParentGone,
            Runnable onParentSilent) {
        new ParentWatchdog().start(parentPipe, heartbeatTimeout, onParentGone, onParentSilent);
    }

    private void start(InputStream parentPipe, Duration heartbeatTimeout, Runnable onParentGone,
            Runnable onParentSilent) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (parentPipe.read(buffer) >= 0) {
                    reads++; // the only writer
                }
            } catch (IOException e) {
                // A broken pipe means the same as end of file: the parent is gone.
            }
            onParentGone.run();
        }, "wavecraft-parent-watch");
        reader.setDaemon(true);
        reader.start();
        if (heartbeatTimeout.isZero()) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        // A plain thread, referenced while it runs: an unreferenced executor could be shut down by the GC.
        Thread checker = new Thread(() -> {
            try {
                RunningSilence silence = new RunningSilence(System::nanoTime, LONGEST_COUNTED_GAP);
                while (silence.check(reads).compareTo(heartbeatTimeout) <= 0) {
                    Thread.sleep(CHECK_EVERY.toMillis());
                }
                if (parent.isPresent() && !parent.get().isAlive()) {
                    onParentGone.run();
                } else {
                    onParentSilent.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wavecraft-heartbeat-check");
        checker.setDaemon(true);
        checker.start();
    }
}
