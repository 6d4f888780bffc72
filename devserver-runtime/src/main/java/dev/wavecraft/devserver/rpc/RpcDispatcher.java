package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import dev.wavecraft.protocol.json.Json;
import java.util.Map;
import java.util.Optional;

/**
 * JSON-RPC 2.0 to the letter: one frame in, at most one frame out. Nothing a client sends can make
 * it throw; a malformed message gets an error reply (or, for a notification, nothing at all).
 */
public final class RpcDispatcher {

    private static final System.Logger LOG = System.getLogger(RpcDispatcher.class.getName());

    private final Map<String, RpcMethod> methods;
    private final int maxBatchLength;

    public RpcDispatcher(Map<String, RpcMethod> methods, int maxBatchLength) {
        this.methods = Map.copyOf(methods);
        this.maxBatchLength = maxBatchLength;
    }

    /** The reply frame for {@code frame}, or empty when it held only notifications. */
    public Optional<String> handle(String frame, Object caller) {
        JsonElement message;
        try {
            message = Json.parseStrict(frame);
        } catch (Json.TooDeepException e) {
            return reply(RpcMessages.error(null, RpcErrorCodes.INVALID_REQUEST, "Invalid Request: " + e.getMessage()));
        } catch (JsonParseException | IllegalStateException e) {
            return reply(RpcMessages.error(null, RpcErrorCodes.PARSE_ERROR, "Parse error: " + describe(e)));
        }
        if (!message.isJsonArray()) {
            return handleOne(message, caller).flatMap(this::reply);
        }
        JsonArray batch = message.getAsJsonArray();
        if (batch.isEmpty()) {
            return reply(RpcMessages.error(null, RpcErrorCodes.INVALID_REQUEST, "Invalid Request: empty batch"));
        }
        if (batch.size() > maxBatchLength) {
            return reply(RpcMessages.error(null, RpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: a batch may hold at most " + maxBatchLength + " requests"));
        }
        JsonArray replies = new JsonArray();
        for (JsonElement request : batch) {
            handleOne(request, caller).ifPresent(replies::add);
        }
        return replies.isEmpty() ? Optional.empty() : reply(replies);
    }

    private Optional<JsonObject> handleOne(JsonElement element, Object caller) {
        if (!element.isJsonObject()) {
            return Optional.of(invalid(null, "expected a request object"));
        }
        JsonObject request = element.getAsJsonObject();
        boolean isNotification = !request.has("id");
        JsonElement id = request.get("id");
        if (!isNotification && !isValidId(id)) {
            return Optional.of(invalid(null, "'id' must be a string, a number or null"));
        }
        if (!RpcMessages.isVersion(request.get("jsonrpc"))) {
            return Optional.of(invalid(id, "'jsonrpc' must be the string \"2.0\""));
        }
        JsonElement method = request.get("method");
        if (!(method instanceof JsonPrimitive name) || !name.isString()) {
            return Optional.of(invalid(id, "'method' must be a string"));
        }
        JsonElement params = request.get("params");
        if (params != null && !params.isJsonObject() && !params.isJsonArray()) {
            return Optional.of(invalid(id, "'params' must be an object or an array"));
        }
        Optional<JsonObject> reply = invoke(name.getAsString(), new RpcParams(params), id, caller);
        return isNotification ? Optional.empty() : reply;
    }

    private Optional<JsonObject> invoke(String name, RpcParams params, JsonElement id, Object caller) {
        RpcMethod method = methods.get(name);
        if (method == null) {
            return Optional.of(RpcMessages.error(id, RpcErrorCodes.METHOD_NOT_FOUND, "Method not found: " + name));
        }
        try {
            return Optional.of(RpcMessages.success(id, method.call(params, caller)));
        } catch (RpcException e) {
            return Optional.of(RpcMessages.error(id, e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Method " + name + " failed", e);
            return Optional.of(RpcMessages.error(id, RpcErrorCodes.INTERNAL_ERROR,
                    "Internal error in " + name + ": " + e));
        }
    }

    private static boolean isValidId(JsonElement id) {
        return id instanceof JsonNull
                || id instanceof JsonPrimitive primitive && (primitive.isString() || primitive.isNumber());
    }

    private static JsonObject invalid(JsonElement id, String why) {
        return RpcMessages.error(id, RpcErrorCodes.INVALID_REQUEST, "Invalid Request: " + why);
    }

    private Optional<String> reply(JsonElement message) {
        return Optional.of(Json.toFrame(message));
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
