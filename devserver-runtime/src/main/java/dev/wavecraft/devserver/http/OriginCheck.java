package dev.wavecraft.devserver.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Optional;

/**
 * Lets a page open the WebSocket only from an allowed origin, matched exactly. An upgrade without
 * Origin comes from a tool rather than a browser; that is allowed only while the server listens on
 * loopback, where only this machine's own programs reach it.
 */
final class OriginCheck implements RequestCheck {

    private final HostPolicy policy;

    OriginCheck(HostPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Optional<Refusal> check(HttpServerExchange exchange) {
        if (!isWebSocketUpgrade(exchange)) {
            return Optional.empty();
        }
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin == null) {
            return policy.beyondLoopback()
                    ? Refusal.forbidden("a WebSocket upgrade without an Origin header is refused while the server"
                            + " listens beyond loopback; send Origin: http://<the address you connect to>:"
                            + policy.port())
                    : Optional.empty();
        }
        if (policy.allowsOrigin(origin)) {
            return Optional.empty();
        }
        return Refusal.forbidden("WebSocket Origin '" + origin + "' is not allowed; add it to the plugin's"
                + " <allowedOrigins> to let a page from there connect");
    }

    private static boolean isWebSocketUpgrade(HttpServerExchange exchange) {
        String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }
}
