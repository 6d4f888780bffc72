package dev.wavecraft.devserver.http;

import dev.wavecraft.devserver.rpc.RpcDispatcher;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.io.IOException;

/** The JSON-RPC channel: each text frame goes to the dispatcher, and its reply goes back. */
final class RpcWebSocketEndpoint implements WebSocketConnectionCallback {

    static final int CLOSE_UNSUPPORTED_DATA = 1003;
    static final int CLOSE_MESSAGE_TOO_BIG = 1009;

    private final RpcDispatcher dispatcher;
    private final ClientRegistry clients;
    private final int maxFrameBytes;

    RpcWebSocketEndpoint(RpcDispatcher dispatcher, ClientRegistry clients, int maxFrameBytes) {
        this.dispatcher = dispatcher;
        this.clients = clients;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        ClientSession session = clients.open(channel);
        channel.getReceiveSetter().set(new Receiver(session));
        channel.resumeReceives();
    }

    private final class Receiver extends AbstractReceiveListener {

        private final ClientSession session;

        Receiver(ClientSession session) {
            this.session = session;
        }

        @Override
        protected void onText(WebSocketChannel channel, StreamSourceFrameChannel frames) {
            new BufferedTextMessage(maxFrameBytes, true).read(frames, new WebSocketCallback<>() {
                @Override
                public void complete(WebSocketChannel ws, BufferedTextMessage message) {
                    // A reply may come later, from the thread that did the work (a rollback's).
                    dispatcher.handle(message.getData(), session).thenAccept(reply -> reply.ifPresent(session::send));
                }

                @Override
                public void onError(WebSocketChannel ws, BufferedTextMessage message, Throwable failure) {
                    // Reading a text message fails when it outgrows the limit (or the connection broke,
                    // in which case this close frame cannot be delivered and is dropped).
                    session.close(CLOSE_MESSAGE_TOO_BIG, "message over " + maxFrameBytes + " bytes");
                }
            });
        }

        @Override
        protected void onBinary(WebSocketChannel channel, StreamSourceFrameChannel frames) throws IOException {
            frames.close(); // discards the payload unread
            session.close(CLOSE_UNSUPPORTED_DATA, "binary frames are not supported; send JSON-RPC as text");
        }
    }
}
