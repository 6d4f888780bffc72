package dev.wavecraft.devserver.launch;

import dev.wavecraft.devserver.control.BoundedLineReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * The server's standard input, a pipe held by the mojo. Its first line is the control channel's
 * secret (a pipe, unlike a command line, is visible to no other user). After that, end of file
 * means the Maven JVM is gone: when it exits or is killed, even with SIGKILL, the kernel closes
 * the pipe and the read returns at once, so the server ends too.
 */
final class ParentWatchdog {

    private static final int MAX_SECRET_CHARS = 1024;

    private ParentWatchdog() {
    }

    /** @throws IOException when the pipe ends before a secret arrives */
    static String readSecretAndWatch(InputStream parentPipe, Runnable onParentGone) throws IOException {
        String secret = new BoundedLineReader(parentPipe, MAX_SECRET_CHARS).readLine();
        if (secret == null || secret.isBlank()) {
            throw new IOException("No control secret on standard input; the dev server is started by wavecraft:run");
        }
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (parentPipe.read(buffer) >= 0) {
                    // Nothing else is sent; draining keeps the pipe from filling.
                }
            } catch (IOException e) {
                // A broken pipe means the same as end of file: the parent is gone.
            }
            onParentGone.run();
        }, "wavecraft-parent-watch");
        thread.setDaemon(true);
        thread.start();
        return secret;
    }
}
