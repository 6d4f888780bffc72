package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import dev.wavecraft.protocol.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

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

    /**
     * The reply frame for {@code frame}, or empty when it held only notifications. Complete at once
     * unless a method runs on a worker ({@link RpcMethod#onWorker}); never completes exceptionally.
     */
    public CompletableFuture<Optional<String>> handle(String frame, Object caller) {
        JsonElement message;
        try {
            message = Json.parseStrict(frame);
        } catch (Json.TooDeepException e) {
            return reply(RpcMessages.error(null, RpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: " + FailureText.of(e)));
        } catch (JsonParseException | IllegalStateException e) {
            return reply(RpcMessages.error(null, RpcErrorCodes.PARSE_ERROR, "Parse error: " + describe(e)));
        }
        if (!message.isJsonArray()) {
            return handleOne(message, caller).thenApply(one -> one.map(Json::toFrame));
        }
        JsonArray batch = message.getAsJsonArray();
        if (batch.isEmpty()) {
            return reply(RpcMessages.error(null, RpcErrorCodes.INVALID_REQUEST, "Invalid Request: empty batch"));
        }
        if (batch.size() > maxBatchLength) {
            return reply(RpcMessages.error(null, RpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: a batch may hold at most " + maxBatchLength + " requests"));
        }
        List<CompletableFuture<Optional<JsonObject>>> replies = new ArrayList<>();
        for (JsonElement request : batch) {
            replies.add(handleOne(request, caller));
        }
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenApply(done -> {
            JsonArray array = new JsonArray();
            replies.forEach(reply -> reply.join().ifPresent(array::add));
            return array.isEmpty() ? Optional.empty() : Optional.of(Json.toFrame(array));
        });
    }

    private CompletableFuture<Optional<JsonObject>> handleOne(JsonElement element, Object caller) {
        if (!element.isJsonObject()) {
            return answer(invalid(null, "expected a request object"));
        }
        JsonObject request = element.getAsJsonObject();
        boolean isNotification = !request.has("id");
        JsonElement id = request.get("id");
        if (!isNotification && !isValidId(id)) {
            return answer(invalid(null, "'id' must be a string, a number or null"));
        }
        if (!RpcMessages.isVersion(request.get("jsonrpc"))) {
            return answer(invalid(id, "'jsonrpc' must be the string \"2.0\""));
        }
        JsonElement method = request.get("method");
        if (!(method instanceof JsonPrimitive name) || !name.isString()) {
            return answer(invalid(id, "'method' must be a string"));
        }
        JsonElement params = request.get("params");
        if (params != null && !params.isJsonObject() && !params.isJsonArray()) {
            return answer(invalid(id, "'params' must be an object or an array"));
        }
        CompletableFuture<JsonObject> reply = invoke(name.getAsString(), new RpcParams(params), id, caller);
        return isNotification ? reply.thenApply(ignored -> Optional.empty()) : reply.thenApply(Optional::of);
    }

    private CompletableFuture<JsonObject> invoke(String name, RpcParams params, JsonElement id, Object caller) {
        RpcMethod method = methods.get(name);
        if (method == null) {
            return CompletableFuture.completedFuture(
                    RpcMessages.error(id, RpcErrorCodes.METHOD_NOT_FOUND, "Method not found: " + name));
        }
        CompletionStage<JsonElement> result;
        try {
            result = method.start(params, caller);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((value, failure) -> failure == null ? RpcMessages.success(id, value)
                : failed(name, id, failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure)).toCompletableFuture();
    }

    private static JsonObject failed(String name, JsonElement id, Throwable failure) {
        if (failure instanceof RpcException e) {
            return RpcMessages.error(id, e.code(), FailureText.of(e));
        }
        LOG.log(System.Logger.Level.WARNING, "Method " + name + " failed", failure);
        return RpcMessages.error(id, RpcErrorCodes.INTERNAL_ERROR, "Internal error in " + name + ": " + failure);
    }

    private static boolean isValidId(JsonElement id) {
        return id instanceof JsonNull
                || id instanceof JsonPrimitive primitive && (primitive.isString() || primitive.isNumber());
    }

    private static JsonObject invalid(JsonElement id, String why) {
        return RpcMessages.error(id, RpcErrorCodes.INVALID_REQUEST, "Invalid Request: " + why);
    }

    private static CompletableFuture<Optional<String>> reply(JsonElement message) {
        return CompletableFuture.completedFuture(Optional.of(Json.toFrame(message)));
    }

    private static CompletableFuture<Optional<JsonObject>> answer(JsonObject reply) {
        return CompletableFuture.completedFuture(Optional.of(reply));
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return FailureText.of(cause);
    }
}
