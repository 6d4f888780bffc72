package dev.wavecraft.devserver.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.util.List;
import java.util.Optional;

/**
 * Runs every request through the checks in order (Host, Sec-Fetch, access token, Origin) and
 * answers the first refusal as plain text, before any handler or WebSocket handshake. Sets the
 * headers every response carries, refusals included: no MIME sniffing, and no reading of our
 * responses by other origins' pages. It never sends CORS headers.
 */
final class RequestGuard implements HttpHandler {

    private static final HttpString CROSS_ORIGIN_RESOURCE_POLICY = new HttpString("Cross-Origin-Resource-Policy");
    private static final HttpString X_CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");
    private static final String BEARER_CHALLENGE = "Bearer realm=\"wavecraft dev server\"";

    private final List<RequestCheck> checks;
    private final HttpHandler next;

    RequestGuard(List<RequestCheck> checks, HttpHandler next) {
        this.checks = List.copyOf(checks);
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.getResponseHeaders()
                .put(X_CONTENT_TYPE_OPTIONS, "nosniff")
                .put(CROSS_ORIGIN_RESOURCE_POLICY, "same-origin");
        for (RequestCheck check : checks) {
            Optional<Refusal> refusal = check.check(exchange);
            if (refusal.isPresent()) {
                refuse(exchange, refusal.get());
                return;
            }
        }
        next.handleRequest(exchange);
    }

    private static void refuse(HttpServerExchange exchange, Refusal refusal) {
        exchange.setStatusCode(refusal.status());
        if (refusal.status() == StatusCodes.UNAUTHORIZED) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(refusal.body());
    }
}
