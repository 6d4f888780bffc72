package dev.wavecraft.devserver.params;

/** A value change the host refused, with the reason a client is told. */
public final class ParameterRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a change was refused. */
    public enum Reason {
        /** No parameter has the id. */
        UNKNOWN_ID,
        /** The value lies outside [min, max]. */
        OUT_OF_RANGE,
        /** A bool or enum was given a number that is not whole. */
        NOT_WHOLE
    }

    private final Reason reason;

    ParameterRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
