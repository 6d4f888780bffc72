package dev.wavecraft.devserver.audio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What is heard while comparing: generation A, generation B (the live one), or B minus A. */
public enum Listening {
    A, B, DIFF;

    /** The protocol's spelling: {@code a}, {@code b} or {@code diff}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What is heard of B's sample {@code b} and A's sample {@code a}. */
    float sample(float b, float a) {
        return this == A ? a : this == DIFF ? b - a : b;
    }

    public static Optional<Listening> fromWireName(String name) {
        return Arrays.stream(values()).filter(value -> value.wireName().equals(name)).findFirst();
    }
}
