package dev.wavecraft.maven.fork;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-run secret of the control channel: 256 random bits, handed to the server through its
 * standard input and never put on a command line, in a file or in the log.
 */
public final class ControlSecret {

    private static final int BYTES = 32;

    private ControlSecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
