package dev.wavecraft.devserver.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A connection's input with one deadline for the whole hello, not for each read: a client that
 * sends its hello a byte at a time, each just inside a per-read timeout, is cut off all the same.
 * Lifted once the hello is accepted; later reads wait as long as the connection lives.
 */
final class HelloDeadline extends FilterInputStream {

    private final Socket socket;
    private final long deadline;
    private volatile boolean lifted;

    HelloDeadline(Socket socket, Duration limit) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    void lift() throws IOException {
        lifted = true;
        socket.setSoTimeout(0);
    }

    @Override
    public int read() throws IOException {
        armTimeout();
        return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        armTimeout();
        return super.read(buffer, offset, length);
    }

    /** What is left of the deadline becomes the socket's timeout for this read. */
    private void armTimeout() throws IOException {
        if (lifted) {
            return;
        }
        long leftMs = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (leftMs <= 0) {
            throw new SocketTimeoutException("no hello before the deadline");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMs));
    }
}
