package dev.wavecraft.devserver.load;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wavecraft.devserver.testing.RpcTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One browser of the load test: sets its own parameter when told to, and counts what the server
 * sends without keeping the frames (a run delivers over a million). Replies are matched to their
 * requests by id, which gives each request's round-trip time.
 */
final class LoadClient implements AutoCloseable {

    private static final int PROBLEMS_KEPT = 20;

    private final String parameterId;
    private final Latencies latencies;
    private final WebSocket socket;
    private final Map<Long, Long> pending = new ConcurrentHashMap<>();
    private final Set<Long> pings = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong sets = new AtomicLong();
    private final AtomicLong setsAccepted = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong echoes = new AtomicLong();
    private final AtomicLong reloadsCompleted = new AtomicLong();
    private final AtomicLong problemCount = new AtomicLong();
    private final List<Integer> generations = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private CompletableFuture<WebSocket> sending;
    private volatile double lastValue = Double.NaN;

    private LoadClient(HttpClient http, URI uri, String parameterId, Latencies latencies) {
        this.parameterId = parameterId;
        this.latencies = latencies;
        this.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new Listener()).join();
        this.sending = CompletableFuture.completedFuture(socket);
    }

    /** Connects and makes sure the server has registered this client for notifications (a ping is answered). */
    static LoadClient connect(HttpClient http, int port, String parameterId, Latencies latencies) {
        LoadClient client = new LoadClient(http, URI.create("ws://127.0.0.1:" + port + "/ws"), parameterId, latencies);
        client.send(0, "ping", null);
        return client;
    }

    /** Sends {@code setParameter} for this client's parameter without waiting for the reply. */
    synchronized void setParameter(double value) {
        long id = nextId.getAndIncrement();
        sets.incrementAndGet();
        lastValue = value;
        send(id, "setParameter", RpcTestClient.valueParams(parameterId, value));
    }

    /** Sends {@code ping} without waiting; its round-trip time goes to the latencies like a set's. */
    synchronized void ping() {
        long id = nextId.getAndIncrement();
        pings.add(id);
        send(id, "ping", null);
    }

    private synchronized void send(long id, String method, JsonElement params) {
        JsonObject request = new JsonObject();
        request.addProperty("jsonrpc", "2.0");
        request.addProperty("id", id);
        request.addProperty("method", method);
        if (params != null) {
            request.add("params", params);
        }
        String frame = request.toString();
        pending.put(id, System.nanoTime());
        // The JDK's WebSocket takes one send at a time: each waits for the previous one.
        sending = sending.thenCompose(ws -> ws.sendText(frame, true));
        sending.exceptionally(failure -> {
            problem("send failed: " + failure);
            return null;
        });
    }

    private void received(String text) {
        long arrived = System.nanoTime();
        JsonObject message;
        try {
            message = JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException e) {
            problem("not a JSON object: " + text);
            return;
        }
        if (message.has("id")) {
            reply(message, arrived);
        } else if (message.has("method")) {
            notification(message.get("method").getAsString(), message.getAsJsonObject("params"));
        } else {
            problem("neither a reply nor a notification: " + text);
        }
    }

    private void reply(JsonObject message, long arrived) {
        long id = message.get("id").getAsLong();
        Long sentAt = pending.remove(id);
        if (sentAt == null) {
            problem("a reply to no pending request: " + message);
            return;
        }
        boolean succeeded = message.has("result") && !message.has("error");
        if (!succeeded) {
            problem("request " + id + " failed: " + message);
        }
        boolean ping = pings.remove(id);
        if (id > 0) {
            latencies.record(arrived - sentAt);
            if (succeeded && !ping) {
                setsAccepted.incrementAndGet();
            }
        }
    }

    private void notification(String method, JsonObject params) {
        switch (method) {
            case "parameterChanged" -> {
                changes.incrementAndGet();
                if (parameterId.equals(params.get("id").getAsString())) {
                    echoes.incrementAndGet();
                }
            }
            case "parametersChanged" -> {
                synchronized (generations) {
                    generations.add(params.get("generation").getAsInt());
                }
            }
            case "reloadCompleted" -> reloadsCompleted.incrementAndGet();
            default -> {
                // Audio status and build notices are not what this test counts.
            }
        }
    }

    private void problem(String what) {
        problemCount.incrementAndGet();
        synchronized (problems) {
            if (problems.size() < PROBLEMS_KEPT) {
                problems.add(parameterId + ": " + what);
            }
        }
    }

    String parameterId() {
        return parameterId;
    }

    int pendingReplies() {
        return pending.size();
    }

    long sets() {
        return sets.get();
    }

    /** Sets answered with a result: each of them changed the value, so every other client hears of it. */
    long setsAccepted() {
        return setsAccepted.get();
    }

    /** {@code parameterChanged} notifications received (all about other clients' parameters, unless echoed). */
    long changes() {
        return changes.get();
    }

    long echoes() {
        return echoes.get();
    }

    long reloadsCompleted() {
        return reloadsCompleted.get();
    }

    /** The generations of the {@code parametersChanged} notifications received, in arrival order. */
    List<Integer> generations() {
        synchronized (generations) {
            return List.copyOf(generations);
        }
    }

    double lastValue() {
        return lastValue;
    }

    long problemCount() {
        return problemCount.get();
    }

    List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            problem("closed by the server: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            problem("connection failed: " + error);
        }
    }
}
