package dev.wavecraft.devserver.load;

import dev.wavecraft.devserver.load.FuzzFrame.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes the fuzz test's frames from one seeded {@link Random}: valid requests of every method the
 * server has, mutations of them (flipped bits, deleted and inserted characters, members of random
 * types, huge numbers, unusual Unicode, deep nesting, truncation), batches, empty frames, random
 * JSON, and rarely a frame over the size limit. The same seed gives the same frames.
 */
final class FrameFuzzer {

    private static final List<String> PARAMETER_IDS = List.of("gain", "drive", "curve", "bypass", "nope", "");
    private static final List<String> INSERTIONS = List.of("{", "}", "[", "]", "\"", ",", ":", "\\", "null",
            "1e999", " ", "\u0000", "\u0007", "/*x*/", "'", "\"id\":", "\"jsonrpc\":\"2.0\",", "NaN", "-",
            "\ufeff", "\\u", "\ud83c\udfb5", "\n");

    private static final List<String> EXTRA_MEMBERS = List.of("extra", "result", "error", "Id", "METHOD", "");

    private final Random random;
    private final RandomJson json;
    private final int maxFrameBytes;

    /** @param maxFrameBytes the server's limit; an oversize frame exceeds it */
    FrameFuzzer(Random random, int maxFrameBytes) {
        this.random = random;
        this.json = new RandomJson(random);
        this.maxFrameBytes = maxFrameBytes;
    }

    List<FuzzFrame> frames(int count) {
        List<FuzzFrame> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(next(i));
        }
        return frames;
    }

    private FuzzFrame next(int index) {
        int roll = random.nextInt(1000);
        Kind kind;
        String text;
        if (roll < 2) {
            kind = Kind.OVERSIZE;
            text = oversize();
        } else {
            kind = Kind.values()[random.nextInt(Kind.values().length - 1)];
            text = make(kind);
        }
        return new FuzzFrame(index, kind, text);
    }

    private String make(Kind kind) {
        switch (kind) {
            case VALID:
                return message();
            case FLIPPED_BITS:
                return flipBits(message());
            case DELETED:
                return delete(message());
            case INSERTED:
                return insert(message());
            case RETYPED:
                return retype();
            case DEEP:
                return deep();
            case HUGE_NUMBER:
                return withHugeNumber();
            case UNICODE:
                return withUnicode();
            case BATCH:
                return batch();
            case EMPTY:
                return List.of("", " ", "\n\t ", "{}", "[]", "null", "\"\"", "[{}]", "[[]]", "0")
                        .get(random.nextInt(10));
            case TRUNCATED:
                return truncate(random.nextInt(4) == 0 ? batch() : message());
            default:
                return random.nextInt(4) == 0 ? json.unicode(1 + random.nextInt(40)) : json.value(4);
        }
    }

    /** A valid request (or, one time in five, a notification) of a random method. */
    private String message() {
        return render(request());
    }

    private Map<String, String> request() {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("jsonrpc", "\"2.0\"");
        String[] call = call();
        request.put("method", "\"" + call[0] + "\"");
        if (call[1] != null) {
            request.put("params", call[1]);
        }
        if (random.nextInt(5) != 0) {
            request.put("id", random.nextBoolean() ? Integer.toString(random.nextInt(100_000))
                    : "\"r-" + random.nextInt(100_000) + "\"");
        }
        return request;
    }

    /** A method name and its params (null for none). */
    private String[] call() {
        String parameter = "\"" + PARAMETER_IDS.get(random.nextInt(PARAMETER_IDS.size())) + "\"";
        switch (random.nextInt(16)) {
            case 0:
                return new String[] {"ping", random.nextBoolean() ? null : "{}"};
            case 1:
                return new String[] {"getAllParameters", null};
            case 2:
                return new String[] {"getParameter", "{\"id\":" + parameter + "}"};
            case 3:
            case 4:
                return new String[] {"setParameter", "{\"id\":" + parameter + ",\"value\":"
                        + (random.nextInt(72) - 60) + "}"};
            case 5:
                return new String[] {"requestResize", "{\"width\":800,\"height\":600}"};
            case 6:
                return new String[] {"getReloadStatus", null};
            case 7:
                return new String[] {"getReloadHistory", "[]"};
            case 8:
                return new String[] {"setAutoReload", "{\"enabled\":" + random.nextBoolean() + "}"};
            case 9:
                return new String[] {"rollback", random.nextBoolean() ? "{}" : "{\"generation\":1}"};
            case 10:
                return new String[] {"triggerReload", null};
            case 11:
                return new String[] {"getMeterFrame", null};
            case 12:
                return new String[] {"getOscilloscopeFrame", null};
            case 13:
                return new String[] {"getAudioStatus", null};
            case 14:
                return new String[] {"getInputSource", null};
            default:
                return new String[] {"setInputSource", random.nextBoolean()
                        ? "{\"kind\":\"tone\",\"frequency\":" + (100 + random.nextInt(2000)) + ",\"level\":0.25}"
                        : "{\"kind\":\"" + List.of("silence", "whiteNoise", "pinkNoise").get(random.nextInt(3))
                                + "\"}"};
        }
    }

    private static String render(Map<String, String> members) {
        StringBuilder text = new StringBuilder("{");
        members.forEach((name, value) -> text.append(text.length() > 1 ? "," : "")
                .append('"').append(name).append("\":").append(value));
        return text.append('}').toString();
    }

    /** A request with a member (or its params) of a random type, or one added, dropped or given twice. */
    private String retype() {
        Map<String, String> request = request();
        List<String> names = new ArrayList<>(List.of("jsonrpc", "method", "params", "id"));
        String name = names.get(random.nextInt(names.size()));
        if (random.nextInt(5) == 0) {
            // A member given twice: the text says it, a map cannot.
            String text = render(request);
            return text.substring(0, text.length() - 1) + (request.isEmpty() ? "" : ",") + "\"" + name + "\":"
                    + json.value(2) + "}";
        }
        switch (random.nextInt(4)) {
            case 0 -> request.remove(name);
            case 1 -> request.put(EXTRA_MEMBERS.get(random.nextInt(EXTRA_MEMBERS.size())), json.value(3));
            case 2 -> request.put("params", "{\"id\":" + json.value(2) + ",\"value\":" + json.value(2) + "}");
            default -> request.put(name, json.value(3));
        }
        return render(request);
    }

    private String withHugeNumber() {
        Map<String, String> request = request();
        switch (random.nextInt(3)) {
            case 0 -> request.put("id", json.hugeNumber());
            case 1 -> request.put("params", "{\"id\":\"gain\",\"value\":" + json.hugeNumber() + "}");
            default -> {
                request.put("method", "\"" + (random.nextBoolean() ? "rollback" : "requestResize") + "\"");
                request.put("params", "{\"generation\":" + json.hugeNumber() + ",\"width\":" + json.hugeNumber()
                        + ",\"height\":" + json.number() + "}");
            }
        }
        return render(request);
    }

    private String withUnicode() {
        Map<String, String> request = request();
        String text = random.nextBoolean() ? json.string() : "\"" + json.unicode(1 + random.nextInt(20)) + "\"";
        switch (random.nextInt(4)) {
            case 0 -> request.put("method", text);
            case 1 -> request.put("id", text);
            case 2 -> request.put("params", "{\"id\":" + text + ",\"value\":0}");
            default -> request.put(text, text);
        }
        String frame = render(request);
        return random.nextInt(10) == 0 ? "\ufeff" + frame : frame;
    }

    /** Nesting from 10 to 20,000 levels (past what a recursive parser survives) in the params, the id or the frame. */
    private String deep() {
        int depth = (int) Math.pow(10, 1 + random.nextDouble() * 3.3);
        boolean arrays = random.nextBoolean();
        String inner = random.nextBoolean() ? json.value(1) : message();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String nested = open.repeat(depth) + inner + close.repeat(depth);
        switch (random.nextInt(3)) {
            case 0:
                return "{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"params\":" + (arrays ? nested : "[" + nested + "]")
                        + ",\"id\":" + random.nextInt(1000) + "}";
            case 1:
                return "{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":" + nested + "}";
            default:
                return nested;
        }
    }

    /** An array of up to 150 requests, notifications, mutated requests and random values. */
    private String batch() {
        int length = random.nextInt(10) == 0 ? 100 + random.nextInt(51) : random.nextInt(12);
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : ",");
            switch (random.nextInt(6)) {
                case 0 -> text.append(json.value(2));
                case 1 -> text.append(retype());
                case 2 -> text.append(random.nextBoolean() ? "[]" : "[" + message() + "]");
                default -> text.append(message());
            }
        }
        return text.append(']').toString();
    }

    private String flipBits(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        // Text frames must be UTF-8: bytes that no longer are become U+FFFD.
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String delete(String text) {
        int[] codePoints = text.codePoints().toArray();
        int from = random.nextInt(codePoints.length);
        int to = Math.min(codePoints.length, from + 1 + random.nextInt(5));
        return codePointsToString(codePoints, 0, from) + codePointsToString(codePoints, to, codePoints.length);
    }

    private String insert(String text) {
        int[] codePoints = text.codePoints().toArray();
        int at = random.nextInt(codePoints.length + 1);
        String insertion = random.nextInt(4) == 0 ? json.value(1) : INSERTIONS.get(random.nextInt(INSERTIONS.size()));
        return codePointsToString(codePoints, 0, at) + insertion
                + codePointsToString(codePoints, at, codePoints.length);
    }

    private String truncate(String text) {
        int[] codePoints = text.codePoints().toArray();
        return codePointsToString(codePoints, 0, random.nextInt(codePoints.length));
    }

    /** A valid ping whose params hold a string that takes it past the size limit. */
    private String oversize() {
        int padding = maxFrameBytes + 1 + random.nextInt(64 * 1024);
        return "{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"params\":[\"" + "x".repeat(padding) + "\"],\"id\":1}";
    }

    private static String codePointsToString(int[] codePoints, int from, int to) {
        return new String(codePoints, from, to - from);
    }
}
