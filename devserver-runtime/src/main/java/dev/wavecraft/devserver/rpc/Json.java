package dev.wavecraft.devserver.rpc;

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

    private Json() {
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
            throw new JsonSyntaxException(e.getMessage(), e);
        }
    }
}
