package dev.wavecraft.protocol.control;

import com.google.gson.JsonParseException;
import dev.wavecraft.protocol.control.ControlMessages.Decoded;
import dev.wavecraft.protocol.control.ControlMessages.Hello;
import dev.wavecraft.protocol.control.ControlMessages.Reload;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The build tool's end of the control channel: presents the secret, sends build reports and
 * reload requests, and hands the server's own messages (build requests, auto-reload changes) to
 * a listener on a reader thread.
 */
public final class ControlClient implements AutoCloseable {

    private final ControlConnection connection;
    private final Map<Long, CompletableFuture<Reloaded>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private ControlClient(ControlConnection connection) {
        this.connection = connection;
    }

    /**
     * @param events the server's messages other than replies, called on the reader thread
     */
    public static ControlClient connect(int port, String secret, Consumer<Decoded> events) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        ControlClient client = new ControlClient(new ControlConnection(socket));
        client.connection.send(new Hello(secret));
        BoundedLineReader lines = new BoundedLineReader(socket.getInputStream(), ControlConnection.MAX_LINE_CHARS);
        Thread reader = new Thread(() -> client.read(lines, events), "wavecraft-control-reader");
        reader.setDaemon(true);
        reader.start();
        return client;
    }

    private void read(BoundedLineReader lines, Consumer<Decoded> events) {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Decoded message = ControlMessages.decode(line);
                if (message.is(Reloaded.class)) {
                    Reloaded reply = message.as(Reloaded.class);
                    CompletableFuture<Reloaded> waiting = pending.remove(reply.id());
                    if (waiting != null) {
                        waiting.complete(reply);
                    }
                } else {
                    events.accept(message);
                }
            }
        } catch (IOException | JsonParseException e) {
            // The connection ended or broke; either way nothing more will arrive.
        } finally {
            // Closed first: a reload registered after this sees it, one registered before is failed below.
            closed.complete(null);
            IOException gone = new IOException("The dev server closed the control connection");
            pending.values().forEach(waiting -> waiting.completeExceptionally(gone));
        }
    }

    /** Sends a one-way message (a build report). */
    public void send(Object message) throws IOException {
        try {
            connection.send(message);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Asks for a reload and waits for its outcome.
     *
     * @param request the reload; its id is replaced by a fresh one
     */
    public Reloaded reload(Reload request, Duration timeout) throws IOException, TimeoutException, InterruptedException {
        long id = nextId.getAndIncrement();
        CompletableFuture<Reloaded> reply = new CompletableFuture<>();
        pending.put(id, reply);
        if (closed.isDone()) {
            pending.remove(id);
            throw new IOException("The dev server closed the control connection");
        }
        send(request.withId(id));
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    /** Completes when the server has closed the connection. */
    public CompletableFuture<Void> onClose() {
        return closed;
    }

    @Override
    public void close() {
        connection.close();
    }
}
