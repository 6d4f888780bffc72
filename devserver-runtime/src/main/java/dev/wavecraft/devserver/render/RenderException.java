package dev.wavecraft.devserver.render;

/** A render the user can fix: the message says what went wrong, where, and what to do. */
final class RenderException extends Exception {

    private static final long serialVersionUID = 1L;

    RenderException(String message) {
        super(message);
    }

    RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
