package dev.wavecraft.devserver.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A resource isolation policy on the browser's {@code Sec-Fetch-*} headers: another site's page
 * may link to the dev server (a top-level navigation), but may not pull its files in, as with
 * {@code <script src>} or {@code <img>}. Requests without these headers (older browsers, tools),
 * from the server's own pages, or typed into the address bar pass. WebSocket upgrades are left to
 * the Origin check, so a UI dev server on another port can still connect.
 */
final class SecFetchPolicy implements RequestCheck {

    private static final HttpString SITE = new HttpString("Sec-Fetch-Site");
    private static final HttpString MODE = new HttpString("Sec-Fetch-Mode");
    private static final HttpString DEST = new HttpString("Sec-Fetch-Dest");
    private static final Set<String> OWN_SITES = Set.of("same-origin", "none");

    @Override
    public Optional<Refusal> check(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getRequestHeaders();
        String site = lowerCase(headers.getFirst(SITE));
        if (site == null || OWN_SITES.contains(site)) {
            return Optional.empty();
        }
        String mode = lowerCase(headers.getFirst(MODE));
        String dest = lowerCase(headers.getFirst(DEST));
        if ("websocket".equals(mode) || isTopLevelNavigation(exchange.getRequestMethod(), mode, dest)) {
            return Optional.empty();
        }
        return Refusal.forbidden("a " + site + " request (Sec-Fetch-Mode: " + mode + ", Sec-Fetch-Dest: " + dest
                + ") from another site's page; the dev server's files load only into its own pages, so open it"
                + " directly instead");
    }

    private static boolean isTopLevelNavigation(HttpString method, String mode, String dest) {
        return "navigate".equals(mode) && "document".equals(dest)
                && (method.equals(Methods.GET) || method.equals(Methods.HEAD));
    }

    private static String lowerCase(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
