package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.reload.HistoryEntry;
import dev.wavecraft.devserver.reload.ReloadCoordinator;
import dev.wavecraft.devserver.reload.ReloadFailure;
import dev.wavecraft.devserver.reload.ReloadStatus;
import dev.wavecraft.devserver.reload.Swap;
import dev.wavecraft.protocol.json.Json;
import java.util.Map;
import java.util.Optional;

/** getReloadStatus, getReloadHistory, triggerReload, setAutoReload and rollback. */
public final class ReloadMethods {

    private final ReloadCoordinator reloads;

    public ReloadMethods(ReloadCoordinator reloads) {
        this.reloads = reloads;
    }

    public Map<String, RpcMethod> methods() {
        return Map.of(
                RpcNames.GET_RELOAD_STATUS, (params, caller) -> status(),
                RpcNames.GET_RELOAD_HISTORY, (params, caller) -> history(),
                RpcNames.TRIGGER_RELOAD, (params, caller) -> triggerReload(),
                RpcNames.SET_AUTO_RELOAD, (params, caller) -> {
                    reloads.setAutoReload(params.bool("enabled"));
                    return new JsonObject();
                },
                RpcNames.ROLLBACK, (params, caller) -> rollback(params));
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

    private JsonElement rollback(RpcParams params) throws RpcException {
        Optional<Integer> target = params.has("generation")
                ? Optional.of((int) params.finiteNumber("generation")) : Optional.empty();
        try {
            Swap swap = reloads.rollback(target);
            JsonObject result = new JsonObject();
            result.addProperty("generation", swap.generation().number());
            return result;
        } catch (ReloadFailure e) {
            throw new RpcException(RpcErrorCodes.INTERNAL_ERROR, FailureText.of(e));
        }
    }
}
