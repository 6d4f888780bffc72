package dev.wavecraft.devserver.reload;

/** Where the reload side is, as {@code getReloadStatus} reports it, with the wire names of PROTOCOL.md. */
public enum ReloadState {
    IDLE("idle"),
    BUILDING("building"),
    RELOADING("reloading"),
    /** The last build or reload failed; the previous generation keeps running. */
    FAILED("failed");

    private final String wireName;

    ReloadState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
