package dev.wavecraft.devserver.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.util.Headers;
import java.util.Deque;
import java.util.Optional;

/**
 * Requires the access token on every request of a server bound beyond loopback. A browser brings it
 * once in the URL ({@code ?token=}) and gets it back as an HttpOnly, SameSite=Strict cookie, so the
 * page's own files and its WebSocket carry it from then on; a tool may send
 * {@code Authorization: Bearer <token>} instead. The cookie's name holds the port, as cookies do not
 * tell ports apart and two servers on one host would otherwise overwrite each other's.
 */
final class TokenCheck implements RequestCheck {

    static final String QUERY_PARAMETER = "token";
    static final String COOKIE_PREFIX = "wavecraft-token-";
    private static final String BEARER = "Bearer ";

    private final AccessToken token;

    TokenCheck(AccessToken token) {
        this.token = token;
    }

    @Override
    public Optional<Refusal> check(HttpServerExchange exchange) {
        String inQuery = first(exchange.getQueryParameters().get(QUERY_PARAMETER));
        String inHeader = bearer(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        Cookie cookie = exchange.getRequestCookie(cookieName(exchange));
        String inCookie = cookie == null ? null : cookie.getValue();
        if (inQuery == null && inHeader == null && inCookie == null) {
            return Refusal.unauthorized("this dev server listens beyond loopback, so every request needs its access"
                    + " token: open the URL with ?token= that the build printed when the server started, or send"
                    + " the header Authorization: Bearer <token>");
        }
        if (token.matches(inQuery)) {
            exchange.setResponseCookie(new CookieImpl(cookieName(exchange), token.text())
                    .setPath("/").setHttpOnly(true).setSameSiteMode("Strict"));
            return Optional.empty();
        }
        if (token.matches(inHeader) || token.matches(inCookie)) {
            return Optional.empty();
        }
        return Refusal.forbidden("the access token presented is not this server's; open the URL with ?token= that"
                + " the build printed when this server started (each start makes a new token)");
    }

    private static String cookieName(HttpServerExchange exchange) {
        return COOKIE_PREFIX + exchange.getDestinationAddress().getPort();
    }

    private static String first(Deque<String> values) {
        return values == null ? null : values.peekFirst();
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
    }
}
