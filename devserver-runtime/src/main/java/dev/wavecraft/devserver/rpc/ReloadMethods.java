package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.reload.HistoryEntry;
import dev.wavecraft.devserver.reload.ReloadCoordinator;
import dev.wavecraft.devserver.reload.ReloadFailure;
import dev.wavecraft.devserver.reload.ReloadStatus;
import dev.wavecraft.protocol.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** getReloadStatus, getReloadHistory, triggerReload, setAutoReload and rollback. */
public final class ReloadMethods {

    private final ReloadCoordinator reloads;

    public ReloadMethods(ReloadCoordinator reloads) {
        this.reloads = reloads;
    }

    public Map<String, AsyncRpcMethod> methods() {
        return Map.of(
                RpcNames.GET_RELOAD_STATUS, (RpcMethod) (params, caller) -> status(),
                RpcNames.GET_RELOAD_HISTORY, (RpcMethod) (params, caller) -> history(),
                RpcNames.TRIGGER_RELOAD, (RpcMethod) (params, caller) -> triggerReload(),
                RpcNames.SET_AUTO_RELOAD, (RpcMethod) (params, caller) -> {
                    reloads.setAutoReload(params.bool("enabled"));
                    return new JsonObject();
                },
                RpcNames.ROLLBACK, (AsyncRpcMethod) (params, caller) -> rollback(params));
    }

    private JsonElement status() {
        ReloadStatus status = reloads.status();
        JsonObject result = Json.withoutNulls(status);
        // Replaces the enum constant's Java name in place, so the members keep their order.
        result.addProperty("state", status.state().wireName());
        return result;
    }

    private JsonElement history() {
        JsonArray entries = new JsonArray();
        for (HistoryEntry entry : reloads.history()) {
            entries.add(Json.withoutNulls(entry));
        }
        JsonObject result = new JsonObject();
        result.add("entries", entries);
        return result;
    }

    private JsonElement triggerReload() throws RpcException {
        try {
            reloads.requestBuild();
        } catch (IllegalStateException e) {
            throw new RpcException(RpcErrorCodes.INTERNAL_ERROR, FailureText.of(e));
        }
        return new JsonObject();
    }

    /** Answers when the rollback is done, on the reload thread; never waits on the caller's thread. */
    private CompletionStage<JsonElement> rollback(RpcParams params) throws RpcException {
        Optional<Integer> target = params.has("generation")
                ? Optional.of((int) params.finiteNumber("generation")) : Optional.empty();
        return reloads.rollbackLater(target).handle((swap, failure) -> {
            if (failure != null) {
                throw new CompletionException(new RpcException(RpcErrorCodes.INTERNAL_ERROR,
                        failure instanceof ReloadFailure reload ? FailureText.of(reload) : failure.toString()));
            }
            JsonObject result = new JsonObject();
            result.addProperty("generation", swap.generation().number());
            return result;
        });
    }
}
