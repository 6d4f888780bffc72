package dev.wavecraft.devserver.audio;

/**
 * The output as the audio thread found it: written when it opens or loses the output (never in
 * steady state), read by the monitor.
 */
final class OutputState {

    private volatile boolean started;
    private volatile boolean device;
    private volatile String description = "not open yet";
    private volatile String problem;
    private volatile Throwable crash;

    void opened(AudioSink sink, String problem) {
        this.device = sink.pacesItself();
        this.description = sink.description();
        this.problem = problem;
        this.started = true;
    }

    void crashed(Throwable crash) {
        this.crash = crash;
    }

    boolean started() {
        return started;
    }

    boolean device() {
        return device;
    }

    String description() {
        return description;
    }

    /** Why the output is silent against the user's wish, or null. */
    String problem() {
        return problem;
    }

    Throwable crash() {
        return crash;
    }
}
