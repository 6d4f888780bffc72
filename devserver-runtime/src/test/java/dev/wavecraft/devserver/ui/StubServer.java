package dev.wavecraft.devserver.ui;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.http.ClientRegistry;
import dev.wavecraft.devserver.http.DevHttpServer;
import dev.wavecraft.devserver.rpc.RpcDispatcher;
import dev.wavecraft.devserver.rpc.RpcMethod;
import dev.wavecraft.protocol.json.Json;
import dev.wavecraft.protocol.options.HttpOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real HTTP side (the page and the WebSocket) with methods the test chooses, for what the
 * full server cannot be made to do on demand: push any notification, answer the audio methods
 * with frames or nulls, or lack them altogether. Counts the calls of each method and keeps their
 * params, notifications included.
 */
final class StubServer implements AutoCloseable {

    private final ClientRegistry clients = new ClientRegistry();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, List<JsonElement>> received = new ConcurrentHashMap<>();
    private final DevHttpServer http;

    StubServer(Map<String, JsonElement> answers) throws Exception {
        Map<String, RpcMethod> methods = new HashMap<>();
        answers.forEach((name, answer) -> methods.put(name, (params, caller) -> {
            calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            received.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>())
                    .add(params.raw() == null ? JsonNull.INSTANCE : params.raw().deepCopy());
            return answer.deepCopy();
        }));
        methods.putIfAbsent("getAllParameters", (params, caller) -> Json.parseStrict("{\"parameters\": []}"));
        http = DevHttpServer.start(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()),
                new RpcDispatcher(methods, 10), clients);
    }

    String url() {
        return http.url();
    }

    /** How often the page called {@code method} (only methods this stub has are counted). */
    int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    /** The params of each call of {@code method} so far, in the order they came (only methods this stub has). */
    List<JsonElement> received(String method) {
        return List.copyOf(received.getOrDefault(method, List.of()));
    }

    int connectedClients() {
        return clients.size();
    }

    /** Sends a notification to every connected page. */
    void broadcast(String method, JsonElement params) {
        JsonObject frame = new JsonObject();
        frame.addProperty("jsonrpc", "2.0");
        frame.addProperty("method", method);
        frame.add("params", params);
        clients.broadcast(frame.toString(), null);
    }

    @Override
    public void close() {
        http.close();
    }
}
