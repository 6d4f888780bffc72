package dev.wavecraft.devserver.http;

/** The configured port is taken by another program. */
public final class PortInUseException extends Exception {

    private static final long serialVersionUID = 1L;

    PortInUseException(String host, int port, Throwable cause) {
        super("Port " + port + " on " + host + " is already in use. Stop the program that holds it, or choose"
                + " another port with -Dwavecraft.port=<port> (or <port> in the plugin configuration;"
                + " 0 picks a free one).", cause);
    }
}
