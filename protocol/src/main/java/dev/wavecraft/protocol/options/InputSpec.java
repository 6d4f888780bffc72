package dev.wavecraft.protocol.options;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What feeds the processor: a test tone, white or pink noise, a WAV file played in a loop, or
 * silence. Plain data, checked when made; the runtime's {@code InputSources} turns it into a running source.
 *
 * @param frequency the tone's frequency in Hz (tone only)
 * @param level the linear peak level in [0, 1] (not for silence)
 * @param path the WAV file (wav only)
 */
public record InputSpec(Kind kind, double frequency, double level, Path path) {

    public static final double DEFAULT_FREQUENCY = 440;
    public static final double DEFAULT_LEVEL = 0.25;
    public static final double MAX_FREQUENCY = AudioSettings.SAMPLE_RATE / 2.0;

    /** The kinds of input, with the names the protocol and the command line use. */
    public enum Kind {
        TONE("tone"), WHITE_NOISE("whiteNoise"), PINK_NOISE("pinkNoise"), WAV("wav"), SILENCE("silence");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** @throws IllegalArgumentException naming the known kinds */
        public static Kind named(String name) {
            for (Kind kind : values()) {
                if (kind.wireName.equalsIgnoreCase(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Unknown input kind '" + name + "'; use one of " + names());
        }

        public static String names() {
            StringBuilder names = new StringBuilder();
            for (Kind kind : values()) {
                names.append(names.length() == 0 ? "" : ", ").append(kind.wireName);
            }
            return names.toString();
        }
    }

    public InputSpec {
        if (kind == null) {
            throw new IllegalArgumentException("An input needs a kind: " + Kind.names());
        }
        if (kind == Kind.TONE && !(frequency > 0 && frequency < MAX_FREQUENCY)) {
            throw new IllegalArgumentException("The tone's frequency must be a number of Hz above 0 and below "
                    + (int) MAX_FREQUENCY + ", not " + frequency);
        }
        if (!(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException("The input level must be a linear level within [0, 1], not " + level);
        }
        if (kind == Kind.WAV && path == null) {
            throw new IllegalArgumentException("A wav input needs the path of a WAV file");
        }
        if (kind != Kind.TONE) {
            frequency = 0;
        }
        if (kind != Kind.WAV) {
            path = null;
        }
        if (kind == Kind.SILENCE) {
            level = 0;
        }
    }

    public static InputSpec tone(double frequency, double level) {
        return new InputSpec(Kind.TONE, frequency, level, null);
    }

    public static InputSpec whiteNoise(double level) {
        return new InputSpec(Kind.WHITE_NOISE, 0, level, null);
    }

    public static InputSpec pinkNoise(double level) {
        return new InputSpec(Kind.PINK_NOISE, 0, level, null);
    }

    public static InputSpec wav(Path path, double level) {
        return new InputSpec(Kind.WAV, 0, level, path);
    }

    public static InputSpec silence() {
        return new InputSpec(Kind.SILENCE, 0, 0, null);
    }

    public static InputSpec defaultTone() {
        return tone(DEFAULT_FREQUENCY, DEFAULT_LEVEL);
    }

    /**
     * Reads the command-line form: {@code tone}, {@code tone:440}, {@code tone:440:0.5},
     * {@code whiteNoise:0.2}, {@code pinkNoise}, {@code silence}, {@code wav:path/to/file.wav}, or
     * just a path ending in {@code .wav}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    public static InputSpec parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.toLowerCase(Locale.ROOT).endsWith(".wav") && !trimmed.regionMatches(true, 0, "wav:", 0, 4)) {
            return wav(Path.of(trimmed), 1);
        }
        int colon = trimmed.indexOf(':');
        Kind kind = Kind.named(colon < 0 ? trimmed : trimmed.substring(0, colon));
        String rest = colon < 0 ? "" : trimmed.substring(colon + 1);
        switch (kind) {
            case WAV:
                if (rest.isBlank()) {
                    throw new IllegalArgumentException("Write a wav input as wav:<path to a .wav file>");
                }
                return wav(Path.of(rest), 1);
            case SILENCE:
                return silence();
            case TONE: {
                String[] parts = rest.isEmpty() ? new String[0] : rest.split(":", -1);
                double frequency = parts.length > 0 ? number(parts[0], text) : DEFAULT_FREQUENCY;
                double level = parts.length > 1 ? number(parts[1], text) : DEFAULT_LEVEL;
                if (parts.length > 2) {
                    throw new IllegalArgumentException("Write a tone as tone:<Hz>:<level>, not '" + text + "'");
                }
                return tone(frequency, level);
            }
            default: {
                double level = rest.isEmpty() ? DEFAULT_LEVEL : number(rest, text);
                return new InputSpec(kind, 0, level, null);
            }
        }
    }

    /** This input, with a relative WAV path taken as relative to {@code directory}. */
    public InputSpec resolvedAgainst(Path directory) {
        return kind == Kind.WAV && !path.isAbsolute() ? wav(directory.resolve(path), level) : this;
    }

    /** The command-line form that {@link #parse} reads back. */
    public String format() {
        switch (kind) {
            case TONE:
                return kind.wireName + ":" + frequency + ":" + level;
            case WAV:
                return kind.wireName + ":" + path;
            case SILENCE:
                return kind.wireName;
            default:
                return kind.wireName + ":" + level;
        }
    }

    private static double number(String part, String whole) {
        try {
            return Double.parseDouble(part.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + part + "' in the input '" + whole + "' is not a number");
        }
    }
}
