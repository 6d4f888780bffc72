package dev.wavecraft.protocol.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One side of an authenticated control connection: sends whole lines, one writer at a time. */
public final class ControlConnection implements AutoCloseable {

    /** The longest line either side reads; a longer one ends the connection. */
    public static final int MAX_LINE_CHARS = 8 << 20;

    private final Socket socket;
    private final OutputStream out;

    public ControlConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** @throws UncheckedIOException when the peer is gone */
    public synchronized void send(Object message) {
        try {
            out.write((ControlMessages.encode(message) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort; the peer sees the connection end either way.
        }
    }
}
