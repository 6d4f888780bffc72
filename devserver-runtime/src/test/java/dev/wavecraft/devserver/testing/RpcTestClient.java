package dev.wavecraft.devserver.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A browser stand-in: a real {@link java.net.http.WebSocket} speaking JSON-RPC to the dev server. */
public final class RpcTestClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WebSocket socket;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    private RpcTestClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    public static RpcTestClient connect(int port) {
        return connect(URI.create("ws://127.0.0.1:" + port + "/ws"), Map.of());
    }

    public static RpcTestClient connect(URI uri, Map<String, String> headers) {
        return new RpcTestClient(uri, headers);
    }

    /** Whether the server refuses the WebSocket handshake for {@code uri} with these headers. */
    public static boolean handshakeRefused(URI uri, Map<String, String> headers) {
        try (RpcTestClient client = connect(uri, headers)) {
            return false;
        } catch (CompletionException refused) {
            return true;
        }
    }

    /** Sends a request and returns its reply, skipping notifications that arrive first. */
    public JsonObject call(String method, JsonElement params) {
        int id = nextId.getAndIncrement();
        JsonObject request = new JsonObject();
        request.addProperty("jsonrpc", "2.0");
        request.addProperty("method", method);
        if (params != null) {
            request.add("params", params);
        }
        request.addProperty("id", id);
        send(request.toString());
        return next(message -> message.has("id") && message.get("id").getAsInt() == id, "the reply to " + method, WAIT);
    }

    /** The current value of a parameter, through {@code getParameter}. */
    public double valueOf(String id) {
        return call("getParameter", idParams(id)).getAsJsonObject("result").get("value").getAsDouble();
    }

    /** Params {@code {"id": id}}. */
    /** The ids of the parameters, in the server's order, through {@code getAllParameters}. */
    public List<String> parameterIds() {
        List<String> ids = new ArrayList<>();
        call("getAllParameters", null).getAsJsonObject("result").getAsJsonArray("parameters")
                .forEach(parameter -> ids.add(parameter.getAsJsonObject().get("id").getAsString()));
        return ids;
    }

    public static JsonObject idParams(String id) {
        JsonObject params = new JsonObject();
        params.addProperty("id", id);
        return params;
    }

    /** Params {@code {"id": id, "value": value}}, as setParameter takes them. */
    public static JsonObject valueParams(String id, double value) {
        JsonObject params = idParams(id);
        params.addProperty("value", value);
        return params;
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** The next message with {@code method}, skipping others; fails after a bounded wait. */
    public JsonObject notification(String method) {
        return notification(method, WAIT);
    }

    /** The next message with {@code method}, skipping others; fails after {@code wait}. */
    public JsonObject notification(String method, Duration wait) {
        return next(message -> method.equals(optionalString(message, "method")) && !message.has("id"),
                "a " + method + " notification", wait);
    }

    /** The next {@code method} notification within {@code wait}, or null; others are skipped. */
    public JsonObject notificationOrNull(String method, Duration wait) {
        try {
            return notification(method, wait);
        } catch (AssertionError none) {
            return null;
        }
    }

    /** Forgets every message received so far. */
    public void drain() {
        received.clear();
    }

    /** The next message of any kind, or null when none arrives within {@code wait}. */
    public JsonObject poll(Duration wait) {
        String text = pollFrame(wait);
        return text == null ? null : parse(text);
    }

    /** The raw text of the next frame, or null when none arrives within {@code wait}. */
    public String pollFrame(Duration wait) {
        try {
            return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The raw text of the next frame; fails after a bounded wait. */
    public String nextFrame() {
        String text = pollFrame(WAIT);
        if (text == null) {
            throw new AssertionError("No frame within " + WAIT);
        }
        return text;
    }

    /** The raw text of the next frame that is not a notification (a reply, or a batch of them); fails after a bounded wait. */
    public String nextReplyFrame() {
        return Waits.next(received, RpcTestClient::isReply, "reply", WAIT);
    }

    private static boolean isReply(String text) {
        JsonElement frame = JsonParser.parseString(text);
        return !frame.isJsonObject() || frame.getAsJsonObject().has("id");
    }

    /** The close code the server sent; fails after a bounded wait. */
    public int awaitCloseCode() {
        return closeCode.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isClosedByServer() {
        return closeCode.isDone();
    }

    private JsonObject next(Predicate<JsonObject> wanted, String what, Duration wait) {
        String text = Waits.next(received, frame -> wanted.test(parse(frame)), what, wait);
        return parse(text);
    }

    private static JsonObject parse(String frame) {
        return JsonParser.parseString(frame).getAsJsonObject();
    }

    private static String optionalString(JsonObject message, String name) {
        JsonElement member = message.get(name);
        return member != null && member.isJsonPrimitive() ? member.getAsString() : null;
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
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
