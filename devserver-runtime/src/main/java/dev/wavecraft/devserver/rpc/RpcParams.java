package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** A request's params, read by name with the checks PROTOCOL.md asks for (-32602 on any mismatch). */
public final class RpcParams {

    private final JsonElement params;

    RpcParams(JsonElement params) {
        this.params = params;
    }

    /** The params member as sent, or null when there was none. */
    public JsonElement raw() {
        return params;
    }

    public String string(String name) throws RpcException {
        JsonElement member = member(name);
        if (!(member instanceof JsonPrimitive primitive) || !primitive.isString()) {
            throw RpcException.invalidParams("'" + name + "' must be a string");
        }
        return primitive.getAsString();
    }

    /** A number member; NaN and infinities (from literals such as 1e999) are refused. */
    public double finiteNumber(String name) throws RpcException {
        JsonElement member = member(name);
        if (!(member instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            throw RpcException.invalidParams("'" + name + "' must be a number");
        }
        double value = primitive.getAsDouble();
        if (!Double.isFinite(value)) {
            throw RpcException.invalidParams("'" + name + "' must be a finite number");
        }
        return value;
    }

    public boolean bool(String name) throws RpcException {
        JsonElement member = member(name);
        if (!(member instanceof JsonPrimitive primitive) || !primitive.isBoolean()) {
            throw RpcException.invalidParams("'" + name + "' must be true or false");
        }
        return primitive.getAsBoolean();
    }

    private JsonElement member(String name) throws RpcException {
        if (params == null || !params.isJsonObject()) {
            throw RpcException.invalidParams("expected an object with '" + name + "'");
        }
        JsonObject object = params.getAsJsonObject();
        if (!object.has(name)) {
            throw RpcException.invalidParams("'" + name + "' is missing");
        }
        return object.get(name);
    }
}
