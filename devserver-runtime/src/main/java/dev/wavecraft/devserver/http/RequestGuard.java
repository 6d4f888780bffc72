package dev.wavecraft.devserver.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;

/**
 * Guards every request: the Host must be a loopback name with our port, and a WebSocket upgrade
 * must come from an allowed Origin (or none, for tools that are not browsers). Refused requests
 * get 403 before any handshake. Also sets the headers every response carries.
 */
final class LoopbackHostHandler implements HttpHandler {

    private static final HttpString ORIGIN = Headers.ORIGIN;
    private static final HttpString CROSS_ORIGIN_RESOURCE_POLICY = new HttpString("Cross-Origin-Resource-Policy");
    private static final HttpString X_CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");

    private final LoopbackPolicy policy;
    private final HttpHandler next;

    LoopbackHostHandler(LoopbackPolicy policy, HttpHandler next) {
        this.policy = policy;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.getResponseHeaders()
                .put(X_CONTENT_TYPE_OPTIONS, "nosniff")
                .put(CROSS_ORIGIN_RESOURCE_POLICY, "same-origin");
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (!policy.allowsHost(host)) {
            refuse(exchange, "Host '" + host + "' is not a loopback name with this server's port;"
                    + " open the dev server at http://localhost:<port>/ or http://127.0.0.1:<port>/");
            return;
        }
        String origin = exchange.getRequestHeaders().getFirst(ORIGIN);
        if (isWebSocketUpgrade(exchange) && origin != null && !policy.allowsOrigin(origin)) {
            refuse(exchange, "WebSocket Origin '" + origin + "' is not allowed; add it to the plugin's"
                    + " <allowedOrigins> to let a page from there connect");
            return;
        }
        next.handleRequest(exchange);
    }

    private static boolean isWebSocketUpgrade(HttpServerExchange exchange) {
        String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    private static void refuse(HttpServerExchange exchange, String why) {
        exchange.setStatusCode(StatusCodes.FORBIDDEN);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send("403 Forbidden: " + why + "\n");
    }
}
