package dev.wavecraft.devserver.audio;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Random noteOn, noteOff and midiMessage frames, half requests and half notifications, a quarter
 * of them malformed in a way chosen for the frame (so whether each is refused is known without a
 * second decoder): data bytes over 127, no status byte, the wrong length, fractions, numbers out of
 * range, notes and velocities out of range.
 */
final class RandomNoteMessages {

    /** Valid messages of every kind: note on, note off, control change, pitch bend, program change, clock tick. */
    private static final int[] STATUSES = {0x90, 0x80, 0xb0, 0xe0, 0xc0, 0xd0, 0xa0};

    private final Random random;
    private final Map<String, Boolean> expectedErrors = new HashMap<>();
    private final Map<String, String> sent = new HashMap<>();
    private int refused;

    RandomNoteMessages(Random random) {
        this.random = random;
    }

    /** One valid message of each kind, as notifications. */
    List<String> warmUp() {
        return List.of(
                frame(null, "noteOn", "{\"note\":60,\"velocity\":0.5}"),
                frame(null, "noteOff", "{\"note\":60}"),
                frame(null, "midiMessage", "{\"data\":[144,62,90]}"),
                frame(null, "midiMessage", "{\"data\":[128,62,0]}"),
                frame(null, "midiMessage", "{\"data\":[176,1,64]}"),
                frame(null, "midiMessage", "{\"data\":[224,0,80]}"),
                frame(null, "midiMessage", "{\"data\":[224,0,64]}"),
                frame(null, "midiMessage", "{\"data\":[176,123,0]}"),
                frame(null, "midiMessage", "{\"data\":[176,120,0]}"));
    }

    String next(int index) {
        String id = random.nextBoolean() ? "m" + index : null;
        boolean bad = random.nextInt(4) == 0;
        String frame;
        switch (random.nextInt(3)) {
            case 0:
                frame = frame(id, "noteOn", bad ? badNote(true) : String.format(Locale.ROOT,
                        "{\"note\":%d,\"velocity\":%.3f%s}", random.nextInt(128), random.nextDouble(), channel()));
                break;
            case 1:
                frame = frame(id, "noteOff", bad ? badNote(false)
                        : "{\"note\":" + random.nextInt(128) + channel() + "}");
                break;
            default:
                frame = frame(id, "midiMessage", "{\"data\":" + (bad ? badBytes() : goodBytes()) + "}");
                break;
        }
        if (bad) {
            refused++;
        }
        if (id != null) {
            expectedErrors.put(id, bad);
            sent.put(id, frame);
        }
        return frame;
    }

    /** Whether each request (by id) is to be refused. */
    Map<String, Boolean> expectedErrors() {
        return expectedErrors;
    }

    String sent(String id) {
        return sent.get(id);
    }

    int refused() {
        return refused;
    }

    private String channel() {
        return random.nextBoolean() ? "" : ",\"channel\":" + random.nextInt(16);
    }

    private String badNote(boolean withVelocity) {
        String velocity = withVelocity ? ",\"velocity\":0.5" : "";
        switch (random.nextInt(4)) {
            case 0:
                return "{\"note\":" + (128 + random.nextInt(1000)) + velocity + "}";
            case 1:
                return "{\"note\":60.25" + velocity + "}";
            case 2:
                return "{\"note\":60" + velocity + ",\"channel\":" + (16 + random.nextInt(100)) + "}";
            default:
                return withVelocity ? "{\"note\":60,\"velocity\":" + (1.01 + random.nextInt(10)) + "}" : "{}";
        }
    }

    private String goodBytes() {
        if (random.nextInt(10) == 0) {
            return "[" + (0xf8 + random.nextInt(8)) + "]";
        }
        int status = STATUSES[random.nextInt(STATUSES.length)] | random.nextInt(16);
        boolean twoBytes = (status & 0xf0) == 0xc0 || (status & 0xf0) == 0xd0;
        return twoBytes ? "[" + status + "," + random.nextInt(128) + "]"
                : "[" + status + "," + random.nextInt(128) + "," + random.nextInt(128) + "]";
    }

    private String badBytes() {
        int status = 0x80 | random.nextInt(0x70);
        switch (random.nextInt(6)) {
            case 0:
                return "[" + status + "," + (128 + random.nextInt(128)) + ",1]";
            case 1:
                return "[" + random.nextInt(128) + "," + random.nextInt(128) + "]";
            case 2:
                return "[" + (0x90 | random.nextInt(16)) + "," + random.nextInt(128) + "]";
            case 3:
                return "[" + status + "," + random.nextInt(128) + ".5,1]";
            case 4:
                return "[" + (256 + random.nextInt(1000)) + ",1,1]";
            default:
                return random.nextBoolean() ? "[]" : "[" + status + ",1,2,3]";
        }
    }

    private static String frame(String id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\"," + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"method\":\"" + method
                + "\",\"params\":" + params + "}";
    }
}
