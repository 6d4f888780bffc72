package dev.wavecraft.protocol.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;

/** The one Gson configuration of the dev server, and strict parsing. */
public final class Json {

    /** Nesting deeper than this is refused rather than parsed (bounds stack use). */
    static final int MAX_NESTING = 64;

    /**
     * Nulls are written ({@code "id": null}, {@code "frame": null}); members that are absent in the
     * protocol are left out by building those objects explicitly.
     */
    public static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .create();

    /** The same, indented: for files a person reads and commits (presets). */
    public static final Gson PRETTY = GSON.newBuilder().setPrettyPrinting().create();

    private Json() {
    }

    /**
     * The text of a message for a WebSocket text frame. JSON lets a client send a lone surrogate as an
     * escape ({@code "\\ud800"}, which {@code JSON.stringify} writes too); Gson writes it back as a raw
     * char, which UTF-8 cannot carry (it would arrive as '?', so an id would not come back as sent).
     * Such chars are written as escapes; they can only sit inside strings, where an escape is valid.
     */
    public static String toFrame(JsonElement message) {
        String text = GSON.toJson(message);
        int first = firstLoneSurrogate(text, 0);
        if (first < 0) {
            return text;
        }
        StringBuilder frame = new StringBuilder(text.length() + 16);
        int copied = 0;
        for (int at = first; at >= 0; at = firstLoneSurrogate(text, at + 1)) {
            frame.append(text, copied, at).append(String.format("\\u%04x", (int) text.charAt(at)));
            copied = at + 1;
        }
        return frame.append(text, copied, text.length()).toString();
    }

    private static int firstLoneSurrogate(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The object form of {@code value} with null members left out (for protocol fields marked optional). */
    public static JsonObject withoutNulls(Object value) {
        JsonObject object = GSON.toJsonTree(value).getAsJsonObject();
        object.entrySet().removeIf(member -> member.getValue().isJsonNull());
        return object;
    }

    /**
     * Parses exactly one JSON value: no comments, no single quotes, no unquoted names, no trailing
     * data. Numbers keep their original text, so an id {@code 7} is written back as {@code 7}.
     *
     * @throws TooDeepException when the value nests deeper than {@link #MAX_NESTING}
     */
    public static JsonElement parseStrict(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(MAX_NESTING);
        try {
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                throw new JsonSyntaxException("empty message: expected a JSON value");
            }
            JsonElement value = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonSyntaxException("unexpected data after the JSON value at " + reader.getPath());
            }
            return value;
        } catch (IOException e) {
            throw tooDeep(e) ? new TooDeepException(e) : new JsonSyntaxException(e.getMessage(), e);
        } catch (JsonParseException e) {
            throw tooDeep(e) ? new TooDeepException(e) : e;
        }
    }

    /** Whether Gson stopped at the reader's nesting limit (it says so only in its message). */
    private static boolean tooDeep(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedJsonException && String.valueOf(cause.getMessage()).startsWith("Nesting limit")) {
                return true;
            }
        }
        return false;
    }

    /** A value nested deeper than {@link #MAX_NESTING}: refused before the rest is read, well formed or not. */
    public static final class TooDeepException extends JsonParseException {

        private static final long serialVersionUID = 1L;

        TooDeepException(Exception cause) {
            super("nesting deeper than " + MAX_NESTING + " levels", cause);
        }
    }
}
