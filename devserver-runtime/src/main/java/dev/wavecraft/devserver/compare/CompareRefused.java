package dev.wavecraft.devserver.compare;

/** A compare change that cannot be made (a generation that is not kept); nothing was changed. */
public final class CompareRefused extends Exception {

    private static final long serialVersionUID = 1L;

    CompareRefused(String message) {
        super(message, null, false, false);
    }
}
