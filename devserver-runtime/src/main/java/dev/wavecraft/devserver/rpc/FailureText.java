package dev.wavecraft.devserver.rpc;

/** A failure in words for an error reply or a log line: its message, or its class when it has none, never "null". */
public final class FailureText {

    private FailureText() {
    }

    public static String of(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
