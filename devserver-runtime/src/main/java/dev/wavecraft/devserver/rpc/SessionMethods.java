package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonObject;
import java.util.Map;

/** ping and requestResize: the methods about the client's own session. */
public final class SessionMethods {

    public Map<String, RpcMethod> methods() {
        return Map.of(
                RpcNames.PING, (params, caller) -> {
                    // Wavecraft's own server answers so; its client may check the flag.
                    JsonObject result = new JsonObject();
                    result.addProperty("pong", true);
                    return result;
                },
                RpcNames.REQUEST_RESIZE, (params, caller) -> {
                    params.finiteNumber("width");
                    params.finiteNumber("height");
                    // A browser tab cannot be resized by the page, so the answer is always no.
                    JsonObject result = new JsonObject();
                    result.addProperty("accepted", false);
                    return result;
                });
    }
}
