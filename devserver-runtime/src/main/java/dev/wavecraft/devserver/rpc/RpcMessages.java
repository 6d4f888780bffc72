package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.wavecraft.protocol.json.Json;

/** The envelopes the server writes: replies and notifications. */
public final class RpcMessages {

    private static final String VERSION = "2.0";

    private RpcMessages() {
    }

    static JsonObject success(JsonElement id, JsonElement result) {
        JsonObject reply = envelope(id);
        reply.add("result", result);
        return reply;
    }

    static JsonObject error(JsonElement id, int code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        JsonObject reply = envelope(id);
        reply.add("error", error);
        return reply;
    }

    /** A server-to-client notification frame. */
    public static String notification(String method, JsonElement params) {
        JsonObject message = new JsonObject();
        message.addProperty("jsonrpc", VERSION);
        message.addProperty("method", method);
        message.add("params", params);
        return Json.toFrame(message);
    }

    private static JsonObject envelope(JsonElement id) {
        JsonObject reply = new JsonObject();
        reply.addProperty("jsonrpc", VERSION);
        reply.add("id", id == null ? JsonNull.INSTANCE : id);
        return reply;
    }

    static boolean isVersion(JsonElement jsonrpc) {
        return jsonrpc != null && jsonrpc.isJsonPrimitive() && jsonrpc.getAsJsonPrimitive().isString()
                && VERSION.equals(jsonrpc.getAsString());
    }
}
