package dev.wavecraft.devserver.audio;

/** No output device could be opened; the message says why in words a user can act on. */
public final class OutputUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public OutputUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
