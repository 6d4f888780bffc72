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

    private final Map<String, AsyncRpcMethod> methods;
    private final int maxBatchLength;

    public RpcDispatcher(Map<String, ? extends AsyncRpcMethod> methods, int maxBatchLength) {
        this.methods = Map.copyOf(methods);
        this.maxBatchLength = maxBatchLength;
    }

    /**
     * The reply frame for {@code frame}, or empty when it held only notifications. It is complete at
     * once unless an {@link AsyncRpcMethod} was called, whose reply completes when its work does.
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
            return handleOne(message, caller).thenApply(reply -> reply.map(Json::toFrame));
        }
        JsonArray batch = message.getAsJsonArray();
        if (batch.isEmpty()) {
            return reply(RpcMessages.error(null, RpcErrorCodes.INVALID_REQUEST, "Invalid Request: empty batch"));
        }
        if (batch.size() > maxBatchLength) {
            return reply(RpcMessages.error(null, RpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: a batch may hold at most " + maxBatchLength + " requests"));
        }
        List<CompletableFuture<Optional<JsonObject>>> pending = new ArrayList<>();
        for (JsonElement request : batch) {
            pending.add(handleOne(request, caller));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply(all -> {
            JsonArray replies = new JsonArray();
            pending.forEach(reply -> reply.join().ifPresent(replies::add));
            return replies.isEmpty() ? Optional.empty() : Optional.of(Json.toFrame(replies));
        });
    }

    private CompletableFuture<Optional<JsonObject>> handleOne(JsonElement element, Object caller) {
        if (!element.isJsonObject()) {
            return invalid(null, "expected a request object");
        }
        JsonObject request = element.getAsJsonObject();
        boolean isNotification = !request.has("id");
        JsonElement id = request.get("id");
        if (!isNotification && !isValidId(id)) {
            return invalid(null, "'id' must be a string, a number or null");
        }
        if (!RpcMessages.isVersion(request.get("jsonrpc"))) {
            return invalid(id, "'jsonrpc' must be the string \"2.0\"");
        }
        JsonElement method = request.get("method");
        if (!(method instanceof JsonPrimitive name) || !name.isString()) {
            return invalid(id, "'method' must be a string");
        }
        JsonElement params = request.get("params");
        if (params != null && !params.isJsonObject() && !params.isJsonArray()) {
            return invalid(id, "'params' must be an object or an array");
        }
        CompletableFuture<JsonObject> reply = invoke(name.getAsString(), new RpcParams(params), id, caller);
        return reply.thenApply(isNotification ? answer -> Optional.empty() : Optional::of);
    }

    private CompletableFuture<JsonObject> invoke(String name, RpcParams params, JsonElement id, Object caller) {
        AsyncRpcMethod method = methods.get(name);
        if (method == null) {
            return CompletableFuture.completedFuture(
                    RpcMessages.error(id, RpcErrorCodes.METHOD_NOT_FOUND, "Method not found: " + name));
        }
        CompletionStage<JsonElement> result;
        try {
            result = method.start(params, caller);
        } catch (RpcException | RuntimeException e) {
            return CompletableFuture.completedFuture(failed(name, id, e));
        }
        return result.toCompletableFuture().handle((value, failure) -> failure == null
                ? RpcMessages.success(id, value) : failed(name, id, failure));
    }

    private static JsonObject failed(String name, JsonElement id, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RpcException e) {
            return RpcMessages.error(id, e.code(), FailureText.of(e));
        }
        LOG.log(System.Logger.Level.WARNING, "Method " + name + " failed", cause);
        return RpcMessages.error(id, RpcErrorCodes.INTERNAL_ERROR, "Internal error in " + name + ": " + cause);
    }

    private static boolean isValidId(JsonElement id) {
        return id instanceof JsonNull
                || id instanceof JsonPrimitive primitive && (primitive.isString() || primitive.isNumber());
    }

    private static CompletableFuture<Optional<JsonObject>> invalid(JsonElement id, String why) {
        return CompletableFuture.completedFuture(
                Optional.of(RpcMessages.error(id, RpcErrorCodes.INVALID_REQUEST, "Invalid Request: " + why)));
    }

    private static CompletableFuture<Optional<String>> reply(JsonElement message) {
        return CompletableFuture.completedFuture(Optional.of(Json.toFrame(message)));
    }

    private static String describe(RuntimeException e) {
        return FailureText.of(e.getCause() != null ? e.getCause() : e);
    }
}
