package dev.wavecraft.devserver.rpc;

import dev.wavecraft.devserver.compare.CompareController;
import dev.wavecraft.devserver.compare.CompareRefused;
import java.util.Map;

/** getCompare and setCompare (PROTOCOL.md, "Workbench"); they answer at once, as A loads on its own thread. */
public final class CompareMethods {

    private final CompareController compare;

    public CompareMethods(CompareController compare) {
        this.compare = compare;
    }

    public Map<String, RpcMethod> methods() {
        return Map.of(
                RpcNames.GET_COMPARE, (params, caller) -> CompareJson.view(compare.view()),
                RpcNames.SET_COMPARE, (params, caller) -> {
                    try {
                        return CompareJson.view(compare.change(CompareJson.change(params), caller));
                    } catch (CompareRefused refused) {
                        throw RpcException.invalidParams(refused.getMessage());
                    }
                });
    }
}
