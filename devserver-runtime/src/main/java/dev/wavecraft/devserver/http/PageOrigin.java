package dev.wavecraft.devserver.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An Origin header read as a URI rather than matched by prefix: {@code http} or {@code https}, a
 * host, an optional port and nothing else (no user, path, query or fragment), so that
 * {@code http://localhost.evil.example} or {@code http://127.0.0.1.nip.io} are never taken for
 * loopback. A page that is no web page (a file, a sandboxed frame) sends {@code null}, which is none.
 *
 * @param scheme {@code http} or {@code https}, in lower case
 * @param host the host as written, IPv6 addresses in brackets, in lower case
 * @param port the port, -1 when none is written
 */
record PageOrigin(String scheme, String host, int port) {

    private static final Set<String> SCHEMES = Set.of("http", "https");
    /** Exactly these: browsers write the origins of pages on loopback so, and Vite's dev server serves them so. */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final int MAX_PORT = 65535;

    static Optional<PageOrigin> parse(String origin) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (uri.getScheme() == null || host == null || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getPort() > MAX_PORT) {
            return Optional.empty();
        }
        // The authority must be just the host and its port as written: no "localhost:" or other spellings.
        String authority = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme) || !authority.equals(uri.getRawAuthority())) {
            return Optional.empty();
        }
        return Optional.of(new PageOrigin(scheme, host.toLowerCase(Locale.ROOT), uri.getPort()));
    }

    /** Whether {@code origin} is a page on this machine's loopback, on any port. */
    static boolean isLoopback(String origin) {
        return parse(origin).filter(page -> LOOPBACK_HOSTS.contains(page.host)).isPresent();
    }
}
