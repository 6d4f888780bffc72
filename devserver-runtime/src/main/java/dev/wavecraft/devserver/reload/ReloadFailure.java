package dev.wavecraft.devserver.reload;

/**
 * New code compiled but could not be loaded, validated or started; the previous generation keeps
 * running. {@code stage} is where it failed ({@code snapshot}, {@code load}, {@code prepare},
 * {@code rollback}).
 */
public final class ReloadFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String stage;
    private final String detail;

    public ReloadFailure(String stage, String message, String detail) {
        super(message, null, false, false);
        this.stage = stage;
        this.detail = detail;
    }

    public String stage() {
        return stage;
    }

    /** Extra text such as the project's stack trace, or null. */
    public String detail() {
        return detail;
    }
}
