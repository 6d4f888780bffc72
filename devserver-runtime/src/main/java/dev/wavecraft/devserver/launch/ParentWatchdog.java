package dev.wavecraft.devserver.launch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends the server when the Maven JVM that forked it is gone. The mojo holds the write end of our
 * standard input; when Maven exits or is killed (even with SIGKILL) the kernel closes it and the
 * read below returns end of file at once.
 */
final class ParentWatchdog {

    private ParentWatchdog() {
    }

    static void start(InputStream parentPipe, Runnable onParentGone) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (parentPipe.read(buffer) >= 0) {
                    // Input is not used yet; draining it keeps the pipe from filling.
                }
            } catch (IOException e) {
                // A broken pipe means the same as end of file: the parent is gone.
            }
            onParentGone.run();
        }, "wavecraft-parent-watch");
        thread.setDaemon(true);
        thread.start();
    }
}
