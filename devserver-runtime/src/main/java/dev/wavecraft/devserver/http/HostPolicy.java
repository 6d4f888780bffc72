package dev.wavecraft.devserver.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which Host headers and WebSocket Origins the server answers: loopback names with the server's
 * own port (against DNS rebinding), plus origins the user configured for their own UI dev server.
 */
final class LoopbackPolicy {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final List<String> extraOrigins;
    private volatile int port = -1;

    LoopbackPolicy(List<String> extraOrigins) {
        this.extraOrigins = List.copyOf(extraOrigins);
    }

    /** Set once the listener is bound, which for port 0 is when the real port is known. */
    void bound(int port) {
        this.port = port;
    }

    boolean allowsHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host;
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            name = host.substring(0, colon);
            if (!host.substring(colon + 1).equals(Integer.toString(port))) {
                return false;
            }
        } else if (port != 80) {
            return false;
        }
        return isLoopbackName(name.toLowerCase(Locale.ROOT));
    }

    /** Exact matches only: no prefix or suffix tricks such as {@code http://localhost.evil.example}. */
    boolean allowsOrigin(String origin) {
        if (extraOrigins.contains(origin)) {
            return true;
        }
        String prefix = "http://";
        if (!origin.startsWith(prefix)) {
            return false;
        }
        return allowsHost(origin.substring(prefix.length())) && origin.indexOf('/', prefix.length()) < 0;
    }

    private static boolean isLoopbackName(String name) {
        return LOOPBACK_NAMES.contains(name)
                || name.endsWith(".localhost") && name.length() > ".localhost".length();
    }
}
