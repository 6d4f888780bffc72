package dev.wavecraft.devserver.load;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What JSON-RPC 2.0 (and PROTOCOL.md) allows as the answer to one frame, checked against the reply
 * frames that arrived for it. A frame that is not JSON gets one -32700 with id null. A frame nested
 * deeper than {@value #SHALLOW} levels, an empty batch and a batch longer than {@value #SMALL_BATCH}
 * may be refused as a whole (one -32700 or -32600, id null); anything else must be answered request
 * by request: a reply with the request's own id for each request, none for a notification.
 */
final class ReplyCheck {

    static final Set<Integer> DOCUMENTED_CODES = Set.of(-32700, -32600, -32601, -32602, -32603, -32000, -32001);
    private static final int PARSE_ERROR = -32700;
    private static final int INVALID_REQUEST = -32600;
    private static final int SHALLOW = 32;
    private static final int SMALL_BATCH = 50;
    /** Deeper frames are not parsed here (slow, and no server answers them request by request). */
    private static final int DEEPEST_PARSED = 1024;
    private static final Set<String> REPLY_MEMBERS = Set.of("jsonrpc", "id", "result", "error");
    private static final Set<String> ERROR_MEMBERS = Set.of("code", "message", "data");

    private final FuzzFrame frame;
    private final List<String> problems = new ArrayList<>();

    private ReplyCheck(FuzzFrame frame) {
        this.frame = frame;
    }

    /** The problems with these replies to {@code frame}; none when they are what the protocol asks for. */
    static List<String> check(FuzzFrame frame, List<JsonElement> replies) {
        ReplyCheck check = new ReplyCheck(frame);
        check.run(replies);
        return check.problems;
    }

    /**
     * Parses a frame as the protocol requires (strictly, one value, no trailing data); empty if it is
     * not JSON or nested deeper than {@value #DEEPEST_PARSED} levels.
     */
    static Optional<JsonElement> parseStrictly(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(DEEPEST_PARSED);
        try {
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                return Optional.empty();
            }
            JsonElement value = JsonParser.parseReader(reader);
            return reader.peek() == JsonToken.END_DOCUMENT ? Optional.of(value) : Optional.empty();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private void run(List<JsonElement> replies) {
        if (replies.size() > 1) {
            problem("more than one reply frame: " + replies);
            return;
        }
        JsonElement reply = replies.isEmpty() ? null : replies.get(0);
        if (reply != null && !wellFormed(reply)) {
            return;
        }
        boolean deep = depth(frame.text()) > SHALLOW;
        Optional<JsonElement> parsed = parseStrictly(frame.text());
        if (parsed.isEmpty()) {
            expectRefusal(reply, deep ? Set.of(PARSE_ERROR, INVALID_REQUEST) : Set.of(PARSE_ERROR),
                    deep ? "a deeply nested frame" : "a frame that is not JSON");
            return;
        }
        JsonElement request = parsed.get();
        if (reply != null && (deep || isLongOrEmptyBatch(request))
                && isRefusal(reply, Set.of(PARSE_ERROR, INVALID_REQUEST))) {
            return;
        }
        if (request.isJsonArray()) {
            checkBatch(request.getAsJsonArray(), reply);
        } else if (request.isJsonObject()) {
            checkSingle(request.getAsJsonObject(), reply);
        } else {
            expectRefusal(reply, Set.of(INVALID_REQUEST), "a frame that is neither an object nor an array");
        }
    }

    private void checkSingle(JsonObject request, JsonElement reply) {
        Expectation expected = Expectation.of(request);
        if (!expected.answered()) {
            if (reply != null) {
                problem("a reply to a notification: " + reply);
            }
            return;
        }
        if (reply == null || !reply.isJsonObject()) {
            problem("expected one reply object, got " + reply);
            return;
        }
        JsonObject answer = reply.getAsJsonObject();
        if (!expected.wellFormed() && errorCode(answer) != INVALID_REQUEST) {
            problem("expected -32600 for a malformed request, got " + answer);
        }
        if (!sameId(answer.get("id"), expected.id()) && !(answer.get("id").isJsonNull() && !expected.wellFormed())) {
            problem("reply id " + answer.get("id") + " is not the request's id " + expected.id());
        }
    }

    private void checkBatch(JsonArray batch, JsonElement reply) {
        if (batch.isEmpty()) {
            expectRefusal(reply, Set.of(INVALID_REQUEST), "an empty batch");
            return;
        }
        List<Expectation> answered = new ArrayList<>();
        for (JsonElement element : batch) {
            Expectation expected = element.isJsonObject() ? Expectation.of(element.getAsJsonObject())
                    : Expectation.MALFORMED;
            if (expected.answered()) {
                answered.add(expected);
            }
        }
        if (answered.isEmpty()) {
            if (reply != null) {
                problem("a reply to a batch of notifications only: " + reply);
            }
            return;
        }
        if (reply == null || !reply.isJsonArray() || reply.getAsJsonArray().size() != answered.size()) {
            problem("expected an array of " + answered.size() + " replies, got " + reply);
            return;
        }
        for (JsonElement element : reply.getAsJsonArray()) {
            JsonElement id = element.getAsJsonObject().get("id");
            // A null id answers a request whose id was null, or else one too malformed for its id to count.
            Expectation match = answered.stream().filter(expected -> sameId(id, expected.id())).findFirst()
                    .or(() -> id.isJsonNull()
                            ? answered.stream().filter(expected -> !expected.wellFormed()).findFirst()
                            : Optional.empty())
                    .orElse(null);
            if (match == null) {
                problem("reply id " + id + " is not the id of an unanswered request of the batch: " + reply);
                return;
            }
            answered.remove(match);
        }
        answered.stream().filter(Expectation::wellFormed).findFirst().ifPresent(unanswered ->
                problem("no reply with the id " + unanswered.id() + " of a valid request: " + reply));
    }

    /** The envelope rules for any reply: object or non-empty array of objects, each a proper response. */
    private boolean wellFormed(JsonElement reply) {
        if (reply.isJsonObject()) {
            return wellFormedResponse(reply.getAsJsonObject());
        }
        if (!reply.isJsonArray() || reply.getAsJsonArray().isEmpty()) {
            problem("a reply that is neither an object nor a non-empty array: " + reply);
            return false;
        }
        for (JsonElement element : reply.getAsJsonArray()) {
            if (!element.isJsonObject() || !wellFormedResponse(element.getAsJsonObject())) {
                if (!element.isJsonObject()) {
                    problem("a batch reply holding a non-object: " + reply);
                }
                return false;
            }
        }
        return true;
    }

    private boolean wellFormedResponse(JsonObject response) {
        int before = problems.size();
        if (!isVersion(response.get("jsonrpc"))) {
            problem("'jsonrpc' is not \"2.0\": " + response);
        }
        if (!response.has("id") || !isIdType(response.get("id"))) {
            problem("no 'id', or not a string, number or null: " + response);
        }
        if (response.has("result") == response.has("error")) {
            problem("not exactly one of 'result' and 'error': " + response);
        }
        if (!REPLY_MEMBERS.containsAll(response.keySet())) {
            problem("members beyond jsonrpc, id, result and error: " + response);
        }
        if (response.has("error")) {
            wellFormedError(response.get("error"), response);
        }
        return problems.size() == before;
    }

    private void wellFormedError(JsonElement error, JsonObject response) {
        if (!error.isJsonObject()) {
            problem("'error' is not an object: " + response);
            return;
        }
        JsonObject object = error.getAsJsonObject();
        JsonElement code = object.get("code");
        if (!isInteger(code)) {
            problem("'error.code' is not an integer: " + response);
        } else if (!DOCUMENTED_CODES.contains(code.getAsInt())) {
            problem("'error.code' " + code + " is not one PROTOCOL.md documents: " + response);
        }
        JsonElement message = object.get("message");
        if (message == null || !message.isJsonPrimitive() || !message.getAsJsonPrimitive().isString()) {
            problem("'error.message' is not a string: " + response);
        }
        if (!ERROR_MEMBERS.containsAll(object.keySet())) {
            problem("'error' has members beyond code, message and data: " + response);
        }
    }

    private void expectRefusal(JsonElement reply, Set<Integer> codes, String what) {
        if (reply == null || !isRefusal(reply, codes)) {
            problem("expected one error " + codes + " with id null for " + what + ", got " + reply);
        }
    }

    private static boolean isRefusal(JsonElement reply, Set<Integer> codes) {
        return reply.isJsonObject() && reply.getAsJsonObject().get("id").isJsonNull()
                && codes.contains(errorCode(reply.getAsJsonObject()));
    }

    private static boolean isLongOrEmptyBatch(JsonElement request) {
        return request.isJsonArray()
                && (request.getAsJsonArray().isEmpty() || request.getAsJsonArray().size() > SMALL_BATCH);
    }

    private static int errorCode(JsonObject reply) {
        return reply.has("error") ? reply.getAsJsonObject("error").get("code").getAsInt() : 0;
    }

    /** Ids are compared as written: 7 and 7.0 differ, as PROTOCOL.md says. */
    private static boolean sameId(JsonElement id, JsonElement expected) {
        return id.toString().equals(expected.toString());
    }

    private static boolean isIdType(JsonElement id) {
        return id.isJsonNull() || id.isJsonPrimitive() && !id.getAsJsonPrimitive().isBoolean();
    }

    private static boolean isInteger(JsonElement code) {
        return code != null && code.isJsonPrimitive() && code.getAsJsonPrimitive().isNumber()
                && code.getAsString().matches("-?[0-9]+");
    }

    /** The deepest nesting of arrays and objects in JSON-like text (strings skipped), valid JSON or not. */
    private static int depth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }

    private static boolean isVersion(JsonElement jsonrpc) {
        return jsonrpc != null && jsonrpc.isJsonPrimitive() && jsonrpc.getAsJsonPrimitive().isString()
                && jsonrpc.getAsString().equals("2.0");
    }

    private void problem(String what) {
        problems.add(frame.describe() + " -> " + what);
    }

    /** What one request object must get: no reply (a valid notification) or one reply with this id. */
    private record Expectation(boolean answered, boolean wellFormed, JsonElement id) {

        static final Expectation MALFORMED = new Expectation(true, false, JsonNull.INSTANCE);

        static Expectation of(JsonObject request) {
            JsonElement id = request.get("id");
            boolean idReadable = id != null && isIdType(id);
            JsonElement method = request.get("method");
            JsonElement params = request.get("params");
            boolean wellFormed = isVersion(request.get("jsonrpc"))
                    && method != null && method.isJsonPrimitive() && method.getAsJsonPrimitive().isString()
                    && (params == null || params.isJsonObject() || params.isJsonArray())
                    && (id == null || idReadable);
            boolean notification = wellFormed && id == null;
            return new Expectation(!notification, wellFormed, idReadable ? id : JsonNull.INSTANCE);
        }
    }
}
