package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonObject;
import dev.wavecraft.devserver.session.SessionRestore.Restored;
import dev.wavecraft.protocol.json.Json;

/**
 * {@code sessionRestored}, which each browser gets as it connects when the server started from the
 * last run's session: { file, applied, clamped, dropped, input, inputNote? }, so the page can say
 * which values did not fit.
 */
public final class SessionNotice {

    private SessionNotice() {
    }

    public static String frame(Restored restored) {
        JsonObject params = Json.GSON.toJsonTree(restored.values()).getAsJsonObject();
        params.addProperty("file", restored.file().path().toString());
        params.addProperty("input", restored.input().format());
        restored.inputNote().ifPresent(note -> params.addProperty("inputNote", note));
        return RpcMessages.notification(RpcNames.SESSION_RESTORED, params);
    }
}
