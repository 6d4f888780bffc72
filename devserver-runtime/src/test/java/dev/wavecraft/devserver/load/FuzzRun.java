package dev.wavecraft.devserver.load;

import static dev.wavecraft.devserver.testing.Waits.waitFor;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Sends fuzz frames to a running server in chunks, each frame followed by a {@code ping} with an id
 * of its own (a fence): everything that arrives before the fence's reply is the frame's reply, and
 * a frame that gets none is seen to get none. When the server closes the connection, the frame whose
 * fence never came is the cause; the run notes the close and goes on over a new connection. After
 * every chunk a bystander connection must still be answered.
 */
final class FuzzRun {

    private static final int CHUNK = 100;
    private static final Duration QUIET = Duration.ofMillis(50);
    private static final Duration FENCE_WAIT = Duration.ofSeconds(20);
    private static final String FENCE = "fence-";

    private final int port;
    private final int maxFrameBytes;
    private final FuzzTally tally = new FuzzTally();
    private final List<String> problems = new ArrayList<>();
    private RpcTestClient connection;

    FuzzRun(int port, int maxFrameBytes) {
        this.port = port;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Sends every frame; returns the problems found (wrong replies, unexpected closes, a silent server). */
    List<String> run(List<FuzzFrame> frames, RpcTestClient bystander) {
        connect();
        try {
            int next = 0;
            while (next < frames.size()) {
                List<FuzzFrame> chunk = frames.subList(next, Math.min(next + CHUNK, frames.size()));
                int answered = collect(chunk.subList(0, send(chunk)));
                if (answered < 0) {
                    return problems;
                }
                if (answered < chunk.size()) {
                    closedAt(chunk.get(answered));
                    connect();
                    next += answered + 1;
                } else {
                    next += chunk.size();
                }
                if (!bystander.call("ping", null).has("result") || bystander.isClosedByServer()) {
                    problems.add("the bystander connection was not answered after frame " + (next - 1));
                }
            }
            if (!connection.call("ping", null).has("result")) {
                problems.add("the fuzzed connection was not answered at the end");
            }
            return problems;
        } finally {
            connection.close();
        }
    }

    FuzzTally tally() {
        return tally;
    }

    /** Sends the chunk's frames and fences; returns how many went out before the connection failed. */
    private int send(List<FuzzFrame> chunk) {
        for (int i = 0; i < chunk.size(); i++) {
            FuzzFrame frame = chunk.get(i);
            try {
                connection.send(frame.text());
                connection.send("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":\"" + FENCE + frame.index() + "\"}");
            } catch (CompletionException e) {
                if (!connection.isClosedByServer() && frame.bytes() <= maxFrameBytes) {
                    problems.add(frame.describe() + " -> could not be sent: " + e.getCause());
                }
                return i;
            }
        }
        return chunk.size();
    }

    /**
     * Checks the replies to each frame up to its fence; returns how many frames were answered before
     * the server closed the connection (all of them when it did not), or -1 when the server fell silent.
     */
    private int collect(List<FuzzFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            FuzzFrame frame = frames.get(i);
            List<JsonElement> replies = new ArrayList<>();
            End end;
            try {
                end = waitFor(frame.describe() + ": the reply to the ping after it", FENCE_WAIT)
                        .until(() -> readUpToFence(frame, replies), Objects::nonNull);
            } catch (ConditionTimeoutException silent) {
                problems.add(frame.describe() + " -> no reply to the ping after it within " + FENCE_WAIT);
                return -1;
            }
            if (end == End.CLOSED) {
                if (!replies.isEmpty()) {
                    problems.add(frame.describe() + " -> replies and then a close: " + replies);
                }
                return i;
            }
            tally.answered(frame, replies);
            problems.addAll(ReplyCheck.check(frame, replies));
        }
        return frames.size();
    }

    /** How the messages about one frame ended. */
    private enum End { FENCE, CLOSED }

    /**
     * Takes what the server has sent (waiting up to {@link #QUIET} for the first), sorting replies
     * from notifications, up to the frame's fence; null when neither the fence nor a close came yet.
     */
    private End readUpToFence(FuzzFrame frame, List<JsonElement> replies) {
        for (String text = connection.pollFrame(QUIET); text != null; text = connection.pollFrame(Duration.ZERO)) {
            JsonElement message = ReplyCheck.parseStrictly(text).orElse(null);
            if (message == null) {
                problems.add(frame.describe() + " -> a reply that is not strict JSON: " + text);
            } else if (isFence(message)) {
                checkFence(frame, message.getAsJsonObject());
                return End.FENCE;
            } else if (isNotification(message)) {
                tally.notification();
            } else {
                replies.add(message);
            }
        }
        return connection.isClosedByServer() ? End.CLOSED : null;
    }

    private void checkFence(FuzzFrame frame, JsonObject reply) {
        if (!reply.get("id").getAsString().equals(FENCE + frame.index()) || !reply.has("result")) {
            problems.add(frame.describe() + " -> the ping after it got " + reply);
        }
        if (frame.bytes() > maxFrameBytes) {
            problems.add(frame.describe() + " -> " + frame.bytes() + " bytes, over the limit of " + maxFrameBytes
                    + ", and the connection stayed open");
        }
    }

    private void closedAt(FuzzFrame frame) {
        String code = closeCode();
        tally.closed(frame, code);
        if (frame.bytes() <= maxFrameBytes) {
            problems.add(frame.describe() + " -> the server closed the connection (" + code
                    + ") for a frame within the size limit");
        } else if (!code.equals("1009")) {
            problems.add(frame.describe() + " -> over the size limit, closed with " + code + " rather than 1009");
        }
        connection.close();
    }

    private String closeCode() {
        try {
            return Integer.toString(connection.awaitCloseCode());
        } catch (CompletionException e) {
            return "broken (" + e.getCause() + ")";
        }
    }

    private void connect() {
        connection = RpcTestClient.connect(port);
        tally.connected();
    }

    private static boolean isFence(JsonElement message) {
        if (!message.isJsonObject() || !message.getAsJsonObject().has("id")) {
            return false;
        }
        JsonElement id = message.getAsJsonObject().get("id");
        return id.isJsonPrimitive() && id.getAsJsonPrimitive().isString() && id.getAsString().startsWith(FENCE);
    }

    /** A message from the server on its own (parameterChanged, audioStatusChanged, ...), not a reply. */
    private static boolean isNotification(JsonElement message) {
        if (!message.isJsonObject()) {
            return false;
        }
        JsonObject object = message.getAsJsonObject();
        return object.has("method") && !object.has("id") && !object.has("result") && !object.has("error");
    }
}
