package dev.wavecraft.devserver.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.wavecraft.api.BoolParameter;
import dev.wavecraft.api.EnumParameter;
import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.protocol.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives the dispatcher with {@code jsonrpc-vectors.json}: each request frame and the exact reply
 * it must get (or none). Numbers are compared as written, so an id {@code 7} must come back as
 * {@code 7}; error messages must be present but their wording is free.
 */
class RpcDispatcherVectorTest {

    private static final ParameterLayout LAYOUT = ParameterLayout.of(List.of(
            FloatParameter.of("gain", "Gain", -60, 12, 0).withUnit("dB").withGroup("Output"),
            BoolParameter.of("bypass", "Bypass", false).withGroup("Output"),
            EnumParameter.of("mode", "Mode", "A", "B", "C").withDefault(1)));

    static Stream<Named<JsonObject>> vectors() throws IOException {
        try (InputStream in = RpcDispatcherVectorTest.class.getResourceAsStream("/jsonrpc-vectors.json")) {
            JsonArray vectors = Json.parseStrict(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonArray();
            return vectors.asList().stream()
                    .map(JsonElement::getAsJsonObject)
                    .map(vector -> Named.of(vector.get("name").getAsString(), vector));
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void answersEachVectorAsTheSpecificationSays(JsonObject vector) {
        RpcDispatcher dispatcher = new RpcDispatcher(methods(), 100);

        Optional<String> reply = dispatcher.handle(vector.get("request").getAsString(), new Object()).join();

        JsonElement expected = vector.get("reply");
        if (expected.isJsonNull()) {
            assertThat(reply).as("a notification gets no reply").isEmpty();
        } else {
            assertThat(reply).as("a reply").isPresent();
            assertThat(canonical(Json.parseStrict(reply.get()), true))
                    .isEqualTo(canonical(expected, false));
        }
    }

    private static Map<String, RpcMethod> methods() {
        Map<String, RpcMethod> methods = new HashMap<>();
        methods.putAll(new ParameterMethods(new ParameterHost(LAYOUT)).methods());
        methods.putAll(new SessionMethods().methods());
        methods.putAll(SpecificationExampleMethods.METHODS);
        methods.put("explode", (params, caller) -> {
            throw new IllegalStateException("broken on purpose");
        });
        return methods;
    }

    /** Sorted keys, numbers as written; error messages checked to be present, then dropped. */
    private static String canonical(JsonElement element, boolean isActual) {
        return Json.GSON.toJson(sorted(element, isActual));
    }

    private static JsonElement sorted(JsonElement element, boolean isActual) {
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            element.getAsJsonArray().forEach(item -> copy.add(sorted(item, isActual)));
            return copy;
        }
        if (!element.isJsonObject()) {
            return element;
        }
        JsonObject object = element.getAsJsonObject();
        TreeMap<String, JsonElement> members = new TreeMap<>(object.asMap());
        if (isActual && members.containsKey("error")) {
            JsonObject error = members.get("error").getAsJsonObject().deepCopy();
            JsonElement message = error.remove("message");
            assertThat(message).as("error message").isNotNull();
            assertThat(message.getAsString()).isNotBlank();
            members.put("error", error);
        }
        JsonObject copy = new JsonObject();
        members.forEach((name, value) -> copy.add(name, sorted(value, isActual)));
        return copy;
    }

    /** The methods the JSON-RPC 2.0 specification's examples call. */
    private static final class SpecificationExampleMethods {

        static final Map<String, RpcMethod> METHODS = Map.of(
                "subtract", (params, caller) -> whole(subtract(params.raw())),
                "sum", (params, caller) -> whole(sum(params.raw())),
                "get_data", (params, caller) -> {
                    JsonArray data = new JsonArray();
                    data.add("hello");
                    data.add(5);
                    return data;
                },
                "update", (params, caller) -> new JsonObject(),
                "notify_hello", (params, caller) -> new JsonObject(),
                "notify_sum", (params, caller) -> new JsonObject());

        private static double subtract(JsonElement params) {
            if (params.isJsonArray()) {
                return params.getAsJsonArray().get(0).getAsDouble() - params.getAsJsonArray().get(1).getAsDouble();
            }
            JsonObject named = params.getAsJsonObject();
            return named.get("minuend").getAsDouble() - named.get("subtrahend").getAsDouble();
        }

        private static double sum(JsonElement params) {
            double total = 0;
            for (JsonElement value : params.getAsJsonArray()) {
                total += value.getAsDouble();
            }
            return total;
        }

        private static JsonPrimitive whole(double value) {
            return new JsonPrimitive((long) value);
        }
    }
}
