package dev.wavecraft.protocol.options;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the HTTP side listens.
 *
 * @param host the address to bind, loopback by default
 * @param port the port, 0 for any free one
 * @param maxFrameBytes the largest WebSocket text message accepted (larger ones close with 1009)
 * @param allowedOrigins origins besides the server's own whose pages may open the WebSocket, matched exactly
 * @param allowLoopbackOrigins whether pages from {@code localhost}, {@code 127.0.0.1} or {@code [::1]}
 *     on any port (a UI dev server such as Vite's) may open the WebSocket; true by default
 * @param uiDirectory the user's own UI folder, served under {@code /ui/}
 */
public record HttpOptions(String host, int port, int maxFrameBytes, List<String> allowedOrigins,
        boolean allowLoopbackOrigins, Optional<Path> uiDirectory) {

    /** Where the server serves the user's UI folder. */
    public static final String USER_UI_PATH = "/ui";
    /** The plugin's user property for {@link #allowedOrigins}, named by the server when it refuses an origin. */
    public static final String ALLOWED_ORIGINS_PROPERTY = "wavecraft.allowedOrigins";
    /** The plugin's user property for {@link #allowLoopbackOrigins}. */
    public static final String ALLOW_LOOPBACK_ORIGINS_PROPERTY = "wavecraft.allowLoopbackOrigins";

    public HttpOptions {
        allowedOrigins = List.copyOf(allowedOrigins);
        uiDirectory = uiDirectory.map(directory -> directory.toAbsolutePath().normalize());
    }

    /** Loopback origins allowed, no UI folder. */
    public HttpOptions(String host, int port, int maxFrameBytes, List<String> allowedOrigins) {
        this(host, port, maxFrameBytes, allowedOrigins, true, Optional.empty());
    }

    public HttpOptions withPort(int port) {
        return new HttpOptions(host, port, maxFrameBytes, allowedOrigins, allowLoopbackOrigins, uiDirectory);
    }

    public HttpOptions withUiDirectory(Optional<Path> directory) {
        return new HttpOptions(host, port, maxFrameBytes, allowedOrigins, allowLoopbackOrigins, directory);
    }

    public HttpOptions withLoopbackOrigins(boolean allow) {
        return new HttpOptions(host, port, maxFrameBytes, allowedOrigins, allow, uiDirectory);
    }
}
