package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.wavecraft.api.BoolParameter;
import dev.wavecraft.api.EnumParameter;
import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.Parameter;

/** Writes a parameter as PROTOCOL.md's ParameterInfo; absent unit, group and variants are left out. */
final class ParameterInfoJson {

    private ParameterInfoJson() {
    }

    static JsonObject of(Parameter parameter, double value) {
        JsonObject info = new JsonObject();
        info.addProperty("id", parameter.id());
        info.addProperty("name", parameter.name());
        info.addProperty("type", typeOf(parameter));
        info.add("value", number(parameter, value));
        info.add("default", number(parameter, parameter.defaultValue()));
        info.add("min", number(parameter, parameter.min()));
        info.add("max", number(parameter, parameter.max()));
        if (parameter instanceof FloatParameter floating) {
            floating.unit().ifPresent(unit -> info.addProperty("unit", unit));
        }
        parameter.group().ifPresent(group -> info.addProperty("group", group));
        if (parameter instanceof EnumParameter choice) {
            JsonArray variants = new JsonArray();
            choice.variants().forEach(variants::add);
            info.add("variants", variants);
        }
        return info;
    }

    /** Bools and enums are written as whole numbers (1, not 1.0), floats as they are. */
    static JsonPrimitive number(Parameter parameter, double value) {
        return parameter.isDiscrete() ? new JsonPrimitive((long) value) : new JsonPrimitive(value);
    }

    private static String typeOf(Parameter parameter) {
        if (parameter instanceof FloatParameter) {
            return "float";
        }
        if (parameter instanceof BoolParameter) {
            return "bool";
        }
        return "enum";
    }
}
