package dev.wavecraft.devserver.http;

import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.devserver.rpc.RpcDispatcher;
import dev.wavecraft.protocol.options.BindAddress;
import dev.wavecraft.protocol.options.HttpOptions;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.SetHeaderHandler;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.xnio.Options;

/**
 * Undertow on one listener: the JSON-RPC WebSocket on {@code /} and {@code /ws}, the built-in UI
 * as plain files from this jar on {@code /}, all behind the {@link RequestGuard}'s checks. Bound
 * beyond loopback, it makes an access token and requires it on every request.
 */
public final class DevHttpServer implements AutoCloseable {

    static final String UI_ROOT = "dev/wavecraft/devserver/ui";
    private static final System.Logger LOG = System.getLogger(DevHttpServer.class.getName());
    /** Files of the user's UI folder from this size on are sent straight from the file, not through a buffer. */
    private static final long TRANSFER_MIN_SIZE = 1024;

    private final Undertow undertow;
    private final BindAddress address;
    private final int port;
    private final Optional<AccessToken> token;

    private DevHttpServer(Undertow undertow, BindAddress address, int port, Optional<AccessToken> token) {
        this.undertow = undertow;
        this.address = address;
        this.port = port;
        this.token = token;
    }

    /**
     * Starts the server, logging its warnings (such as a refused Origin) as warnings of this class.
     *
     * @throws IllegalArgumentException when the host does not resolve
     */
    public static DevHttpServer start(HttpOptions options, RpcDispatcher dispatcher, ClientRegistry clients)
            throws PortInUseException {
        return start(options, dispatcher, clients, warning -> LOG.log(System.Logger.Level.WARNING, warning));
    }

    /**
     * @param warnings takes the lines for the terminal: what was refused and how to allow it
     * @throws IllegalArgumentException when the host does not resolve
     */
    public static DevHttpServer start(HttpOptions options, RpcDispatcher dispatcher, ClientRegistry clients,
            Consumer<String> warnings) throws PortInUseException {
        BindAddress address = bindAddress(options.host());
        HostPolicy policy = new HostPolicy(options.allowedOrigins(), options.allowLoopbackOrigins(),
                address.beyondLoopback());
        Optional<AccessToken> token = address.beyondLoopback() ? Optional.of(AccessToken.generate()) : Optional.empty();
        RpcWebSocketEndpoint endpoint = new RpcWebSocketEndpoint(dispatcher, clients, options.maxFrameBytes());
        HttpHandler ui = new UiAssetHandler(DevHttpServer.class.getClassLoader(), UI_ROOT,
                ResponseCodeHandler.HANDLE_404);
        PathHandler routes = Handlers.path(Handlers.websocket(endpoint, ui))
                .addExactPath("/ws", Handlers.websocket(endpoint));
        options.uiDirectory().ifPresent(directory -> routes.addPrefixPath(HttpOptions.USER_UI_PATH, userUi(directory)));
        Undertow undertow = Undertow.builder()
                .addHttpListener(options.port(), options.host())
                .setIoThreads(1)
                .setWorkerThreads(4)
                .setWorkerOption(Options.WORKER_NAME, "wavecraft-http")
                .setHandler(new RequestGuard(checks(policy, token, new OriginRefusalLog(warnings)), routes))
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
        return new DevHttpServer(undertow, address, port, token);
    }

    /** In this order: a foreign Host or another site's page learns nothing, not even whether a token is needed. */
    private static List<RequestCheck> checks(HostPolicy policy, Optional<AccessToken> token,
            OriginRefusalLog originRefusals) {
        List<RequestCheck> checks = new ArrayList<>(List.of(new HostCheck(policy), new SecFetchPolicy()));
        token.ifPresent(required -> checks.add(new TokenCheck(required)));
        checks.add(new OriginCheck(policy, originRefusals));
        return checks;
    }

    private static BindAddress bindAddress(String host) {
        try {
            return BindAddress.resolve(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("The host '" + host + "' to listen on does not resolve: "
                    + FailureText.of(e)
                    + "; set wavecraft.host to an address of this machine, such as 127.0.0.1", e);
        }
    }

    /**
     * The user's own UI folder, links not followed out of it; a browser checks every file again on
     * each load, so an edit shows at once.
     */
    private static HttpHandler userUi(Path directory) {
        return new SetHeaderHandler(new ResourceHandler(new PathResourceManager(directory, TRANSFER_MIN_SIZE, true,
                false)).setCachable(exchange -> false).addWelcomeFiles("index.html"),
                Headers.CACHE_CONTROL_STRING, "no-cache");
    }

    public int port() {
        return port;
    }

    /** The address to open in a browser on this machine, without the access token. */
    public String url() {
        return "http://" + address.urlHost() + ":" + port + "/";
    }

    /** The token every request needs, when the server listens beyond loopback. */
    public Optional<String> accessToken() {
        return token.map(AccessToken::text);
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
