package dev.wavecraft.devserver.http;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;

/** One browser connection. Sends never block; a failed send is logged and closes the connection. */
final class ClientSession {

    private static final System.Logger LOG = System.getLogger(ClientSession.class.getName());

    private final WebSocketChannel channel;
    private final WebSocketCallback<Void> onSent = new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel ws, Void context) {
        }

        @Override
        public void onError(WebSocketChannel ws, Void context, Throwable failure) {
            LOG.log(System.Logger.Level.DEBUG, "Send to " + describe() + " failed; closing it", failure);
            closeNow();
        }
    };

    ClientSession(WebSocketChannel channel) {
        this.channel = channel;
    }

    void send(String text) {
        if (channel.isOpen() && !channel.isCloseFrameSent()) {
            WebSockets.sendText(text, channel, onSent);
        }
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

    String describe() {
        return "client " + channel.getSourceAddress();
    }
}
