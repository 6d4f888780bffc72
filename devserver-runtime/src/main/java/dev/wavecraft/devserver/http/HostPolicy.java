package dev.wavecraft.devserver.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which Host headers and WebSocket Origins count as this server: loopback names with the server's
 * own port (against DNS rebinding). Origins also pass when they are on loopback on any port (a UI
 * dev server on this machine, see {@link PageOrigin}; unless switched off) or listed exactly by the user.
 * A server bound beyond loopback also answers to IP addresses: a Host that is an address rather than
 * a name cannot come from DNS rebinding, and the access token guards such a server anyway.
 */
final class HostPolicy {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[[0-9a-f:.]*:[0-9a-f:.]*]");

    private final List<String> extraOrigins;
    private final boolean loopbackOrigins;
    private final boolean beyondLoopback;
    private volatile int port = -1;

    /** @param loopbackOrigins whether pages from any port of this machine's loopback may connect */
    HostPolicy(List<String> extraOrigins, boolean loopbackOrigins, boolean beyondLoopback) {
        this.extraOrigins = List.copyOf(extraOrigins);
        this.loopbackOrigins = loopbackOrigins;
        this.beyondLoopback = beyondLoopback;
    }

    /** Set once the listener is bound, which for port 0 is when the real port is known. */
    void bound(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    boolean beyondLoopback() {
        return beyondLoopback;
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
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return isLoopbackName(lowerCase) || beyondLoopback && isAddress(lowerCase);
    }

    /** No prefix or suffix tricks such as {@code http://localhost.evil.example}. */
    boolean allowsOrigin(String origin) {
        if (extraOrigins.contains(origin) || loopbackOrigins && PageOrigin.isLoopback(origin)) {
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

    private static boolean isAddress(String name) {
        return IPV4.matcher(name).matches() || BRACKETED_IPV6.matcher(name).matches();
    }
}
