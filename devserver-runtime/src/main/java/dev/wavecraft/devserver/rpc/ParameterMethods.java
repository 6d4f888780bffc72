package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.params.ParameterRejectedException;
import dev.wavecraft.devserver.params.ParameterState;
import java.util.Map;

/** getAllParameters, getParameter and setParameter over a {@link ParameterHost}. */
public final class ParameterMethods {

    private final ParameterHost host;

    public ParameterMethods(ParameterHost host) {
        this.host = host;
    }

    public Map<String, RpcMethod> methods() {
        return Map.of(
                RpcNames.GET_ALL_PARAMETERS, (params, caller) -> getAll(),
                RpcNames.GET_PARAMETER, (params, caller) -> get(params.string("id")),
                RpcNames.SET_PARAMETER, this::set);
    }

    private JsonElement getAll() {
        ParameterState state = host.state();
        JsonArray parameters = new JsonArray(state.size());
        for (int i = 0; i < state.size(); i++) {
            parameters.add(ParameterInfoJson.of(state.parameter(i), state.value(i)));
        }
        JsonObject result = new JsonObject();
        result.add("parameters", parameters);
        return result;
    }

    private JsonElement get(String id) throws RpcException {
        ParameterState state = host.state();
        int index = state.layout().indexOf(id);
        if (index < 0) {
            throw new RpcException(RpcErrorCodes.PARAMETER_NOT_FOUND, "Parameter not found: '" + id + "'");
        }
        JsonObject result = new JsonObject();
        result.addProperty("id", id);
        result.add("value", ParameterInfoJson.number(state.parameter(index), state.value(index)));
        return result;
    }

    private JsonElement set(RpcParams params, Object caller) throws RpcException {
        String id = params.string("id");
        double value = params.finiteNumber("value");
        try {
            host.set(id, value, caller);
        } catch (ParameterRejectedException e) {
            throw new RpcException(codeFor(e.reason()), FailureText.of(e));
        }
        return new JsonObject();
    }

    private static int codeFor(ParameterRejectedException.Reason reason) {
        switch (reason) {
            case UNKNOWN_ID:
                return RpcErrorCodes.PARAMETER_NOT_FOUND;
            case OUT_OF_RANGE:
                return RpcErrorCodes.VALUE_OUT_OF_RANGE;
            default:
                return RpcErrorCodes.INVALID_PARAMS;
        }
    }
}
