package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonObject;
import dev.wavecraft.devserver.session.SessionRestore.Restored;
import dev.wavecraft.protocol.json.Json;

/**
 * {@code sessionRestored}, which each browser gets as it connects when the server started from the
 * last run's session: { file, applied, clamped, dropped, input, inputNote?, compare?, compareNote? },
 * so the page can say which values did not fit; {@code compare} holds the settings that came back
 * (enabled, listening, matchLoudness), {@code compareNote} why they did not.
 */
public final class SessionNotice {

    private SessionNotice() {
    }

    public static String frame(Restored restored) {
        JsonObject params = Json.GSON.toJsonTree(restored.values()).getAsJsonObject();
        params.addProperty("file", restored.file().path().toString());
        params.addProperty("input", restored.input().format());
        restored.inputNote().ifPresent(note -> params.addProperty("inputNote", note));
        restored.compare().ifPresent(settings -> {
            JsonObject compare = new JsonObject();
            compare.addProperty("enabled", settings.enabled());
            compare.addProperty("listening", settings.listening().wireName());
            compare.addProperty("matchLoudness", settings.matchLoudness());
            params.add("compare", compare);
        });
        restored.compareNote().ifPresent(note -> params.addProperty("compareNote", note));
        return RpcMessages.notification(RpcNames.SESSION_RESTORED, params);
    }
}
