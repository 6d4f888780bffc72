package dev.wavecraft.devserver.http;

import dev.wavecraft.devserver.rpc.RpcDispatcher;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import org.xnio.Options;

/**
 * Undertow on one listener: the JSON-RPC WebSocket on {@code /} and {@code /ws}, the built-in UI
 * as plain files from this jar on {@code /}, all behind the loopback Host and Origin checks.
 */
public final class DevHttpServer implements AutoCloseable {

    static final String UI_ROOT = "dev/wavecraft/devserver/ui";

    private final Undertow undertow;
    private final String host;
    private final int port;

    private DevHttpServer(Undertow undertow, String host, int port) {
        this.undertow = undertow;
        this.host = host;
        this.port = port;
    }

    public static DevHttpServer start(HttpOptions options, RpcDispatcher dispatcher, ClientRegistry clients)
            throws PortInUseException {
        LoopbackPolicy policy = new LoopbackPolicy(options.allowedOrigins());
        RpcWebSocketEndpoint endpoint = new RpcWebSocketEndpoint(dispatcher, clients, options.maxFrameBytes());
        HttpHandler ui = new UiAssetHandler(DevHttpServer.class.getClassLoader(), UI_ROOT,
                ResponseCodeHandler.HANDLE_404);
        HttpHandler routes = Handlers.path(Handlers.websocket(endpoint, ui))
                .addExactPath("/ws", Handlers.websocket(endpoint));
        Undertow undertow = Undertow.builder()
                .addHttpListener(options.port(), options.host())
                .setIoThreads(1)
                .setWorkerThreads(4)
                .setWorkerOption(Options.WORKER_NAME, "wavecraft-http")
                .setHandler(new LoopbackHostHandler(policy, routes))
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            undertow.stop();
            if (hasCause(e, BindException.class)) {
                throw new PortInUseException(options.host(), options.port(), e);
            }
            throw e;
        }
        int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        policy.bound(port);
        return new DevHttpServer(undertow, options.host(), port);
    }

    public int port() {
        return port;
    }

    /** The address to open in a browser. */
    public String url() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + name + ":" + port + "/";
    }

    @Override
    public void close() {
        undertow.stop();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
