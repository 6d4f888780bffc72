package dev.wavecraft.devserver.testing;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The slowest WebSocket client there is: a plain socket with a receive buffer of a few KiB that
 * upgrades and then reads nothing, until the test asks what the server sent it in the end.
 */
public final class SilentReader implements AutoCloseable {

    /** Linux doubles it, and a buffer set before connecting is not tuned up later. */
    private static final int RECEIVE_BUFFER_BYTES = 4096;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_CONTINUATION = 0x0;
    private static final int OPCODE_CLOSE = 0x8;

    private final Socket socket;

    private SilentReader(Socket socket) {
        this.socket = socket;
    }

    public static SilentReader connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
            RawHttp.openWebSocket(socket, port, "/ws");
            return new SilentReader(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** What arrived before the server closed the connection: text frames, and the close frame if one came. */
    public record Ending(long textFrames, OptionalInt closeCode, String closeReason) {
    }

    /**
     * Reads, from now on, everything the server sent until it closed the connection.
     *
     * @throws AssertionError when the connection is still open after {@code atMost}
     */
    public Ending readToEnd(Duration atMost) throws IOException {
        long deadline = System.nanoTime() + atMost.toNanos();
        DataInputStream in = new DataInputStream(new BufferedInputStream(new DeadlineInput(socket, deadline)));
        long texts = 0;
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int opcode = first & 0x0F;
                byte[] payload = new byte[Math.toIntExact(payloadLength(in))];
                in.readFully(payload);
                boolean fin = (first & 0x80) != 0;
                if (fin && (opcode == OPCODE_TEXT || opcode == OPCODE_CONTINUATION)) {
                    texts++;
                } else if (opcode == OPCODE_CLOSE) {
                    return closeFrame(texts, payload);
                }
            }
        } catch (EOFException | SocketException closed) {
            // Closed without a close frame, or reset: the server gave up on this client.
            return new Ending(texts, OptionalInt.empty(), "");
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("The server had not closed the silent client within " + atMost + " ("
                    + texts + " text frames read)", stillOpen);
        }
    }

    /** Server frames are not masked. */
    private static long payloadLength(DataInputStream in) throws IOException {
        int length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
            return in.readUnsignedShort();
        }
        return length == 127 ? in.readLong() : length;
    }

    private static Ending closeFrame(long texts, byte[] payload) {
        if (payload.length < 2) {
            return new Ending(texts, OptionalInt.empty(), "");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        return new Ending(texts, OptionalInt.of(code),
                new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The socket's input, each read bounded by what is left of one deadline. */
    private static final class DeadlineInput extends FilterInputStream {

        private final Socket socket;
        private final long deadline;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            arm();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            arm();
            return super.read(buffer, offset, length);
        }

        private void arm() throws IOException {
            long leftMs = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (leftMs <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMs));
        }
    }
}
