package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.function.Predicate;

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

    /** Whether the params are an object with this member. */
    public boolean has(String name) {
        return params != null && params.isJsonObject() && params.getAsJsonObject().has(name);
    }

    public String string(String name) throws RpcException {
        return primitive(name, JsonPrimitive::isString, "a string").getAsString();
    }

    /** A number member; NaN and infinities (from literals such as 1e999) are refused. */
    public double finiteNumber(String name) throws RpcException {
        double value = primitive(name, JsonPrimitive::isNumber, "a number").getAsDouble();
        if (!Double.isFinite(value)) {
            throw RpcException.invalidParams("'" + name + "' must be a finite number");
        }
        return value;
    }

    /** A whole number member within [min, max] (60 and 60.0 alike). */
    public int wholeNumber(String name, int min, int max) throws RpcException {
        double value = finiteNumber(name);
        if (value != Math.rint(value) || value < min || value > max) {
            throw RpcException.invalidParams("'" + name + "' must be a whole number from " + min + " to " + max
                    + ", not " + member(name));
        }
        return (int) value;
    }

    /** A number member within [min, max]. */
    public double numberWithin(String name, double min, double max) throws RpcException {
        double value = finiteNumber(name);
        if (value < min || value > max) {
            throw RpcException.invalidParams("'" + name + "' must lie within [" + min + ", " + max + "], not "
                    + member(name));
        }
        return value;
    }

    public JsonArray array(String name) throws RpcException {
        JsonElement member = member(name);
        if (!member.isJsonArray()) {
            throw RpcException.invalidParams("'" + name + "' must be an array");
        }
        return member.getAsJsonArray();
    }

    public boolean bool(String name) throws RpcException {
        return primitive(name, JsonPrimitive::isBoolean, "true or false").getAsBoolean();
    }

    private JsonPrimitive primitive(String name, Predicate<JsonPrimitive> isKind, String expected)
            throws RpcException {
        JsonElement member = member(name);
        if (!(member instanceof JsonPrimitive primitive) || !isKind.test(primitive)) {
            throw RpcException.invalidParams("'" + name + "' must be " + expected);
        }
        return primitive;
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
