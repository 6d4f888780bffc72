package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.params.AppliedValues;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.presets.PresetNotFoundException;
import dev.wavecraft.devserver.presets.PresetStore;
import dev.wavecraft.protocol.json.Json;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * listPresets, savePreset, loadPreset and deletePreset (PROTOCOL.md, "Workbench") over the
 * project's presets folder. They read and write files, so they run on the {@code wavecraft-presets}
 * thread, one after another in the order they came, never on the I/O thread that read the request;
 * a save takes the values as they are when the request arrives. A loaded preset's values go through
 * {@link ParameterHost#apply}, so every client (the one that loaded it too) hears
 * {@code parameterChanged} for each value that moved.
 */
public final class PresetMethods {

    private final Executor files = Workers.single("wavecraft-presets");
    private final Optional<PresetStore> store;
    private final ParameterHost parameters;
    private final Supplier<String> processor;
    private final Clock clock;

    /**
     * @param store the presets folder; without one every method says that presets are not set up
     * @param processor the live processor's class, written into saved presets
     */
    public PresetMethods(Optional<PresetStore> store, ParameterHost parameters, Supplier<String> processor,
            Clock clock) {
        this.store = store;
        this.parameters = parameters;
        this.processor = processor;
        this.clock = clock;
    }

    public Map<String, AsyncRpcMethod> methods() {
        return Map.of(
                RpcNames.LIST_PRESETS, AsyncRpcMethod.onWorker(files, (params, caller) -> list()),
                RpcNames.SAVE_PRESET, this::save,
                RpcNames.LOAD_PRESET, AsyncRpcMethod.onWorker(files, (params, caller) -> load(params.string("name"))),
                RpcNames.DELETE_PRESET, AsyncRpcMethod.onWorker(files,
                        (params, caller) -> delete(params.string("name"))));
    }

    /** Takes the name and the values at once, on the I/O thread; only the file is written on the worker. */
    private CompletionStage<JsonElement> save(RpcParams params, Object caller) throws RpcException {
        String name = params.string("name");
        Map<String, Double> values = parameters.state().byId();
        String className = processor.get();
        return AsyncRpcMethod.onWorker(files, (ignored, from) -> save(name, className, values)).start(params, caller);
    }

    private JsonElement list() throws RpcException {
        JsonArray presets = new JsonArray();
        try {
            for (PresetStore.Listed listed : store().list()) {
                JsonObject preset = new JsonObject();
                preset.addProperty("name", listed.name());
                preset.addProperty("savedAt", listed.savedAt().toString());
                presets.add(preset);
            }
        } catch (IOException e) {
            throw failed("list the presets in " + store().directory(), e);
        }
        JsonObject result = new JsonObject();
        result.add("presets", presets);
        return result;
    }

    private JsonElement save(String name, String className, Map<String, Double> values) throws RpcException {
        try {
            store().save(name, className, values, clock.instant());
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(e.getMessage());
        } catch (IOException e) {
            throw failed("save the preset '" + name + "' in " + store().directory(), e);
        }
        return new JsonObject();
    }

    private JsonElement load(String name) throws RpcException {
        AppliedValues applied;
        try {
            applied = parameters.apply(store().load(name).values(), null);
        } catch (IllegalArgumentException | PresetNotFoundException e) {
            throw RpcException.invalidParams(e.getMessage());
        } catch (IOException e) {
            throw failed("load the preset '" + name + "'", e);
        }
        return Json.GSON.toJsonTree(applied);
    }

    private JsonElement delete(String name) throws RpcException {
        try {
            store().delete(name);
        } catch (IllegalArgumentException | PresetNotFoundException e) {
            throw RpcException.invalidParams(e.getMessage());
        } catch (IOException e) {
            throw failed("delete the preset '" + name + "' in " + store().directory(), e);
        }
        return new JsonObject();
    }

    private PresetStore store() throws RpcException {
        return store.orElseThrow(() -> new RpcException(RpcErrorCodes.INTERNAL_ERROR, "This dev server keeps no"
                + " presets: it was started without a presets folder (wavecraft:run passes one)"));
    }

    private static RpcException failed(String what, IOException e) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        return new RpcException(RpcErrorCodes.INTERNAL_ERROR, "Could not " + what + ": " + reason);
    }
}
