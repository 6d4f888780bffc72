package dev.wavecraft.devserver.load;

import java.util.List;
import java.util.Random;

/**
 * Random JSON text, written by hand rather than by Gson so that it can hold what a strict writer
 * never produces but a strict reader must accept: huge numbers, escaped lone surrogates, every
 * escape form. Every string this returns is valid JSON.
 */
final class RandomJson {

    private static final List<String> HUGE_NUMBERS = List.of("1e400", "-1e400", "1E-400", "-0", "0e0",
            "9223372036854775808", "-9223372036854775809", "18446744073709551616",
            "123456789012345678901234567890123456789", "1.7976931348623157e309", "4.9e-325",
            "0.00000000000000000000000000000000000000000000001", "1" + "0".repeat(400),
            "1" + "0".repeat(5000) + ".5", "-" + "9".repeat(1000) + "e-999");
    private static final List<String> ODD_STRINGS = List.of("\\u0000", "\\ud800", "\\udfff", "\\ud83d\\ude00",
            "\\ud83d", "\\u202e", "\\ufeff", "\\uffff", "\\u2028\\u2029", "\\/", "\\\\", "\\\"", "\\b\\f\\n\\r\\t",
            "\\u00e9", "\\u0301", "2.0", "", " ", "null", "gain", "ping", "setParameter", "__proto__");

    private final Random random;

    RandomJson(Random random) {
        this.random = random;
    }

    /** Any JSON value, nested at most {@code depth} deep. */
    String value(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        switch (kind) {
            case 0:
                return "null";
            case 1:
                return random.nextBoolean() ? "true" : "false";
            case 2:
            case 3:
                return number();
            case 4:
            case 5:
            case 6:
                return string();
            case 7:
                return array(depth - 1);
            default:
                return object(depth - 1);
        }
    }

    String number() {
        switch (random.nextInt(5)) {
            case 0:
                return Integer.toString(random.nextInt(200) - 100);
            case 1:
                return Long.toString(random.nextLong());
            case 2:
                return Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10))
                        .replace("E", random.nextBoolean() ? "e" : "E");
            case 3:
                return random.nextInt(1000) + "." + random.nextInt(1000) + "e" + (random.nextInt(40) - 20);
            default:
                return hugeNumber();
        }
    }

    String hugeNumber() {
        return HUGE_NUMBERS.get(random.nextInt(HUGE_NUMBERS.size()));
    }

    /** A quoted string of plain, escaped and unusual characters. */
    String string() {
        StringBuilder text = new StringBuilder("\"");
        int parts = random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
                case 1 -> text.append(unicode(1 + random.nextInt(8)));
                default -> text.append(ascii(1 + random.nextInt(12)));
            }
        }
        return text.append('"').toString();
    }

    /** Raw characters from many scripts and planes (never a lone surrogate, never a quote or backslash). */
    String unicode(int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            int codePoint;
            switch (random.nextInt(6)) {
                case 0 -> codePoint = 0x00a0 + random.nextInt(0x0250);      // Latin with accents
                case 1 -> codePoint = 0x0590 + random.nextInt(0x0100);      // Hebrew and Arabic (right to left)
                case 2 -> codePoint = 0x4e00 + random.nextInt(0x5000);      // CJK
                case 3 -> codePoint = 0x1f300 + random.nextInt(0x0300);     // emoji, outside the BMP
                case 4 -> codePoint = 0x0300 + random.nextInt(0x0070);      // combining marks
                default -> codePoint = 0xe000 + random.nextInt(0x1900);     // private use and specials
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private String ascii(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char c = (char) (0x20 + random.nextInt(0x5f));
            text.append(c == '"' || c == '\\' ? '_' : c);
        }
        return text.toString();
    }

    String array(int depth) {
        StringBuilder text = new StringBuilder("[");
        int length = random.nextInt(5);
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : ",").append(value(depth));
        }
        return text.append(']').toString();
    }

    String object(int depth) {
        StringBuilder text = new StringBuilder("{");
        int length = random.nextInt(5);
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : ",").append(string()).append(':').append(value(depth));
        }
        return text.append('}').toString();
    }
}
