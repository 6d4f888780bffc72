package dev.wavecraft.devserver.http;

import java.util.List;

/**
 * How the HTTP side listens.
 *
 * @param host the address to bind, loopback by default
 * @param port the port, 0 for any free one
 * @param maxFrameBytes the largest WebSocket text message accepted (larger ones close with 1009)
 * @param allowedOrigins origins besides the server's own whose pages may open the WebSocket
 */
public record HttpOptions(String host, int port, int maxFrameBytes, List<String> allowedOrigins) {

    public HttpOptions {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
