package dev.wavecraft.devserver.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random token a server bound beyond loopback requires on every request: 256 bits from
 * {@link SecureRandom}, URL-safe, made inside the server so it never appears on a command line or
 * in a state file. Compared in constant time, so a wrong guess learns nothing from how long the
 * refusal took.
 */
final class AccessToken {

    private static final int BYTES = 32;

    private final String text;
    private final byte[] bytes;

    private AccessToken(String text) {
        this.text = text;
        this.bytes = text.getBytes(StandardCharsets.US_ASCII);
    }

    static AccessToken generate() {
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    String text() {
        return text;
    }

    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(bytes, presented.getBytes(StandardCharsets.UTF_8));
    }
}
