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
 * @param allowedOrigins origins besides the server's own whose pages may open the WebSocket
 * @param uiDirectory the user's own UI folder, served under {@code /ui/}
 */
public record HttpOptions(String host, int port, int maxFrameBytes, List<String> allowedOrigins,
        Optional<Path> uiDirectory) {

    /** Where the server serves the user's UI folder. */
    public static final String USER_UI_PATH = "/ui";

    public HttpOptions {
        allowedOrigins = List.copyOf(allowedOrigins);
        uiDirectory = uiDirectory.map(directory -> directory.toAbsolutePath().normalize());
    }

    public HttpOptions(String host, int port, int maxFrameBytes, List<String> allowedOrigins) {
        this(host, port, maxFrameBytes, allowedOrigins, Optional.empty());
    }

    public HttpOptions withPort(int port) {
        return new HttpOptions(host, port, maxFrameBytes, allowedOrigins, uiDirectory);
    }

    public HttpOptions withUiDirectory(Optional<Path> directory) {
        return new HttpOptions(host, port, maxFrameBytes, allowedOrigins, directory);
    }
}
