package dev.wavecraft.maven.warm;

/** The running Maven cannot be kept warm; builds then run in a fresh Maven each time. */
final class WarmMavenUnavailable extends Exception {

    private static final long serialVersionUID = 1L;

    WarmMavenUnavailable(String reason) {
        super(reason);
    }
}
