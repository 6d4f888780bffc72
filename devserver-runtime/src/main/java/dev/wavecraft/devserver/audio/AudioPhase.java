package dev.wavecraft.devserver.audio;

/** The phases of PROTOCOL.md, with their wire names. */
public enum AudioPhase {
    DISABLED("disabled"),
    INITIALIZING("initializing"),
    /** Playing to the output device. */
    RUNNING_FULL_DUPLEX("runningFullDuplex"),
    /** Processing and metering without playing anything, because silence was asked for. */
    RUNNING_INPUT_ONLY("runningInputOnly"),
    DEGRADED("degraded"),
    FAILED("failed");

    private final String wireName;

    AudioPhase(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
