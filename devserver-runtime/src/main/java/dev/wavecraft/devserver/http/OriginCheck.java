package dev.wavecraft.devserver.http;

import dev.wavecraft.protocol.options.HttpOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Optional;

/**
 * Lets a page open the WebSocket only from an allowed origin (see {@link HostPolicy#allowsOrigin}).
 * An upgrade without Origin comes from a tool rather than a browser; that is allowed only while the
 * server listens on loopback, where only this machine's own programs reach it. A refused Origin is
 * named on the terminal once, with the setting that would allow it.
 */
final class OriginCheck implements RequestCheck {

    private final HostPolicy policy;
    private final OriginRefusalLog refusals;

    OriginCheck(HostPolicy policy, OriginRefusalLog refusals) {
        this.policy = policy;
        this.refusals = refusals;
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
        String remedy = remedy(origin);
        refusals.refused(origin, "Refused a WebSocket upgrade from Origin '" + origin
                + "' (further ones from it are not logged); " + remedy);
        return Refusal.forbidden("WebSocket Origin '" + origin + "' is not allowed; " + remedy);
    }

    private static String remedy(String origin) {
        if (PageOrigin.parse(origin).isEmpty()) {
            return "it is not the origin of a page served over http or https (a file or a sandboxed frame sends"
                    + " 'null'); serve the page from a web server, such as a UI dev server on localhost";
        }
        String allowIt = "add it to the plugin's <allowedOrigins> or run with -D"
                + HttpOptions.ALLOWED_ORIGINS_PROPERTY + "=" + origin;
        return PageOrigin.isLoopback(origin)
                ? "pages from this machine's loopback are refused because "
                        + HttpOptions.ALLOW_LOOPBACK_ORIGINS_PROPERTY + " is false; set it to true, or " + allowIt
                : "to let a page from there connect, " + allowIt;
    }

    private static boolean isWebSocketUpgrade(HttpServerExchange exchange) {
        String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }
}
