package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonObject;
import dev.wavecraft.devserver.reload.ReloadEvents;
import dev.wavecraft.protocol.json.Json;
import dev.wavecraft.protocol.reload.Diagnostic;
import dev.wavecraft.protocol.reload.LayoutChange;
import dev.wavecraft.protocol.reload.StageChange;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells every browser about builds and reloads. The last failure is kept until a reload
 * succeeds and is sent to a browser that connects meanwhile, so a page opened on a broken build
 * shows the error at once.
 */
public final class ReloadNotifier implements ReloadEvents {

    private final Broadcaster clients;
    private final AtomicReference<String> pendingFailure = new AtomicReference<>();

    public ReloadNotifier(Broadcaster clients) {
        this.clients = clients;
    }

    /** The frame a newly connected browser gets first, if the build is broken. */
    public Optional<String> pendingFailure() {
        return Optional.ofNullable(pendingFailure.get());
    }

    @Override
    public void buildStarted(List<String> files, String trigger) {
        JsonObject params = new JsonObject();
        params.add("files", Json.GSON.toJsonTree(files));
        params.addProperty("trigger", trigger);
        send(RpcNames.BUILD_STARTED, params);
    }

    @Override
    public void buildFailed(List<Diagnostic> diagnostics, String output) {
        JsonObject params = new JsonObject();
        params.add("diagnostics", Json.GSON.toJsonTree(diagnostics));
        params.addProperty("output", output);
        pendingFailure.set(send(RpcNames.BUILD_FAILED, params));
    }

    @Override
    public void reloadFailed(String stage, String message, String detail) {
        JsonObject params = new JsonObject();
        params.addProperty("stage", stage);
        params.addProperty("message", message);
        if (detail != null) {
            params.addProperty("detail", detail);
        }
        pendingFailure.set(send(RpcNames.RELOAD_FAILED, params));
    }

    @Override
    public void reloaded(int generation, LayoutChange change, StageChange stages, long totalMs) {
        pendingFailure.set(null);
        JsonObject parameters = Json.GSON.toJsonTree(change).getAsJsonObject();
        parameters.addProperty("generation", generation);
        send(RpcNames.PARAMETERS_CHANGED, parameters);
        JsonObject completed = new JsonObject();
        completed.addProperty("generation", generation);
        completed.addProperty("totalMs", totalMs);
        completed.add("added", Json.GSON.toJsonTree(change.added()));
        completed.add("removed", Json.GSON.toJsonTree(change.removed()));
        if (stages.chain()) {
            completed.add("stagesAdded", Json.GSON.toJsonTree(stages.added()));
            completed.add("stagesRemoved", Json.GSON.toJsonTree(stages.removed()));
        }
        send(RpcNames.RELOAD_COMPLETED, completed);
    }

    @Override
    public void uiChanged(List<String> files) {
        JsonObject params = new JsonObject();
        params.add("files", Json.GSON.toJsonTree(files));
        send(RpcNames.UI_CHANGED, params);
    }

    private String send(String method, JsonObject params) {
        String frame = RpcMessages.notification(method, params);
        clients.broadcast(frame, null);
        return frame;
    }
}
