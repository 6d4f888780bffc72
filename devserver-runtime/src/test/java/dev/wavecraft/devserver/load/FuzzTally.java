package dev.wavecraft.devserver.load;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.load.FuzzFrame.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The counts of a fuzz run: frames by kind, replies, errors by code, closes by code. */
final class FuzzTally {

    private static final int INTERNAL_ERROR = -32603;

    private final Map<Kind, Integer> framesByKind = new EnumMap<>(Kind.class);
    private final Map<Integer, Integer> errorsByCode = new TreeMap<>();
    private final Map<String, Integer> closes = new TreeMap<>();
    /** The handler failures (-32603) by message: each should be an expected refusal, not a bug. */
    private final Map<String, Integer> internalErrors = new TreeMap<>();
    private int frames;
    private long bytes;
    private int replyFrames;
    private int batchReplies;
    private int results;
    private int notifications;
    private int connections;

    void answered(FuzzFrame frame, List<JsonElement> replies) {
        counted(frame);
        for (JsonElement reply : replies) {
            replyFrames++;
            if (reply.isJsonArray()) {
                batchReplies++;
                reply.getAsJsonArray().forEach(this::response);
            } else {
                response(reply);
            }
        }
    }

    private void response(JsonElement response) {
        if (!response.isJsonObject()) {
            return;
        }
        JsonObject object = response.getAsJsonObject();
        if (object.has("result")) {
            results++;
        }
        JsonElement error = object.get("error");
        if (error != null && error.isJsonObject() && error.getAsJsonObject().has("code")) {
            int code = error.getAsJsonObject().get("code").getAsInt();
            errorsByCode.merge(code, 1, Integer::sum);
            if (code == INTERNAL_ERROR && error.getAsJsonObject().has("message")) {
                internalErrors.merge(error.getAsJsonObject().get("message").getAsString(), 1, Integer::sum);
            }
        }
    }

    void notification() {
        notifications++;
    }

    void connected() {
        connections++;
    }

    void closed(FuzzFrame frame, String code) {
        counted(frame);
        closes.merge(code + " after " + frame.kind(), 1, Integer::sum);
    }

    private void counted(FuzzFrame frame) {
        frames++;
        bytes += frame.bytes();
        framesByKind.merge(frame.kind(), 1, Integer::sum);
    }

    void addTo(Figures figures) {
        figures.add("frames", frames + " (" + bytes / 1024 + " KiB), by kind " + framesByKind)
                .add("reply frames", replyFrames + " (" + batchReplies + " of them batch replies); responses: "
                        + results + " results, errors by code " + errorsByCode)
                .add("-32603 messages", internalErrors)
                .add("server notifications seen", notifications)
                .add("connections", connections + "; closed by the server: " + (closes.isEmpty() ? "none" : closes));
    }
}
