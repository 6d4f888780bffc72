package dev.wavecraft.devserver.load;

import java.nio.charset.StandardCharsets;

/** One frame the fuzz test sends, with how it was made. */
record FuzzFrame(int index, Kind kind, String text) {

    enum Kind {
        VALID, FLIPPED_BITS, DELETED, INSERTED, RETYPED, DEEP, HUGE_NUMBER, UNICODE, BATCH, EMPTY, TRUNCATED,
        RANDOM, OVERSIZE
    }

    int bytes() {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The frame for a failure message: its kind and (the start of) its text, with unusual characters escaped. */
    String describe() {
        String shown = text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " chars)" : text;
        return "frame " + index + " (" + kind + "): " + printable(shown);
    }

    /** Controls, surrogates and everything beyond ASCII as \\uXXXX, so that reports and XML stay readable. */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                shown.append(c);
            } else {
                shown.append(String.format("\\u%04x", (int) c));
            }
        }
        return shown.toString();
    }
}
