package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.chain.ChainStages;
import java.util.Map;
import java.util.function.Supplier;

/** getChain (PROTOCOL.md, "Notes"): the live generation's stages in order, read afresh on every call. */
public final class ChainMethods {

    private final Supplier<ChainStages> live;

    /** @param live the stages of the generation live now */
    public ChainMethods(Supplier<ChainStages> live) {
        this.live = live;
    }

    public Map<String, RpcMethod> methods() {
        return Map.of(RpcNames.GET_CHAIN, (params, caller) -> chain(live.get()));
    }

    private static JsonElement chain(ChainStages chain) {
        JsonArray stages = new JsonArray(chain.stages().size());
        for (ChainStages.StageLayout stage : chain.stages()) {
            JsonObject json = new JsonObject();
            json.addProperty("id", stage.id());
            json.addProperty("name", stage.name());
            JsonArray parameters = new JsonArray(stage.parameters().size());
            stage.parameters().forEach(parameters::add);
            json.add("parameters", parameters);
            stages.add(json);
        }
        JsonObject result = new JsonObject();
        result.add("stages", stages);
        return result;
    }
}
