package dev.wavecraft.devserver.http;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One browser connection. Sends never block; a failed send is logged and closes the connection.
 * A client whose unsent frames pass the {@link SendBacklog}'s bounds has fallen behind: it gets
 * nothing more, a close frame that says why, and is cut off for good if that frame is not
 * written within {@link #CLOSE_GRACE}.
 */
final class ClientSession {

    static final int CLOSE_POLICY_VIOLATION = 1008;
    /** Long enough for a client that reads again to take its backlog and the close frame. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(ClientSession.class.getName());

    private final WebSocketChannel channel;
    private final SendBacklog backlog;
    private final Consumer<ClientSession> onFellBehind;
    private final AtomicBoolean fellBehind = new AtomicBoolean();
    private final WebSocketCallback<Integer> onSent = new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel ws, Integer size) {
            backlog.written(size);
        }

        @Override
        public void onError(WebSocketChannel ws, Integer size, Throwable failure) {
            backlog.written(size);
            LOG.log(System.Logger.Level.DEBUG, "Send to " + describe() + " failed; closing it", failure);
            closeNow();
        }
    };

    ClientSession(WebSocketChannel channel, SendBacklog backlog, Consumer<ClientSession> onFellBehind) {
        this.channel = channel;
        this.backlog = backlog;
        this.onFellBehind = onFellBehind;
    }

    void send(String text) {
        if (fellBehind.get() || !channel.isOpen() || channel.isCloseFrameSent()) {
            return;
        }
        ByteBuffer data = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        int size = data.remaining();
        if (!backlog.tryAdd(size)) {
            fallBehind();
            return;
        }
        WebSockets.sendText(data, channel, onSent, size);
    }

    private void fallBehind() {
        if (!fellBehind.compareAndSet(false, true)) {
            return;
        }
        // Counting and logging may block (a console that is slow to take the line): not on the I/O thread.
        channel.getWorker().execute(() -> onFellBehind.accept(this));
        close(CLOSE_POLICY_VIOLATION, "fell behind: over " + backlog.bounds() + " waiting to be sent");
        channel.getIoThread().executeAfter(this::closeNow, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a close frame with this code (1003, 1009, ...) and then closes the connection. */
    void close(int code, String reason) {
        if (channel.isCloseFrameSent()) {
            return;
        }
        WebSockets.sendClose(code, reason, channel, new WebSocketCallback<Void>() {
            @Override
            public void complete(WebSocketChannel ws, Void context) {
                closeNow();
            }

            @Override
            public void onError(WebSocketChannel ws, Void context, Throwable failure) {
                closeNow();
            }
        });
    }

    private void closeNow() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing " + describe() + " failed", e);
        }
    }

    /** The limits in words, for the log line. */
    String bounds() {
        return backlog.bounds();
    }

    String describe() {
        return "client " + channel.getSourceAddress();
    }
}
