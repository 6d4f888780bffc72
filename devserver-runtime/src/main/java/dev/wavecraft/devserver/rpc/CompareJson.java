package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.audio.CompareLevels;
import dev.wavecraft.devserver.audio.Listening;
import dev.wavecraft.devserver.compare.CompareChange;
import dev.wavecraft.devserver.compare.CompareView;
import java.util.List;
import java.util.Optional;

/**
 * Compare's object in its wire form (PROTOCOL.md, "Workbench"), built member by member so the
 * spellings are exactly the protocol's; and {@code setCompare}'s params, read back with checks.
 */
final class CompareJson {

    private static final List<String> SETTINGS = List.of("enabled", "a", "listening", "matchLoudness");

    private CompareJson() {
    }

    static JsonObject view(CompareView view) {
        JsonObject json = new JsonObject();
        json.addProperty("enabled", view.enabled());
        json.addProperty("a", view.a());
        json.addProperty("b", view.b());
        json.addProperty("listening", view.listening().wireName());
        json.addProperty("matchLoudness", view.matchLoudness());
        CompareLevels levels = view.levels();
        JsonObject measured = new JsonObject();
        measured.addProperty("a_rms_db", rounded(levels.aRmsDb(), 100));
        measured.addProperty("b_rms_db", rounded(levels.bRmsDb(), 100));
        measured.addProperty("diff_peak_db", rounded(levels.diffPeakDb(), 100));
        measured.addProperty("diff_rms_db", rounded(levels.diffRmsDb(), 100));
        measured.addProperty("identical", levels.identical());
        // Ours beyond the table: the gain match loudness gives A, so a user sees how far apart they were.
        measured.addProperty("match_gain_db", rounded(levels.matchGainDb(), 100));
        json.add("levels", measured);
        JsonObject cpu = new JsonObject();
        cpu.addProperty("a", rounded(levels.cpuA(), 10_000));
        cpu.addProperty("b", rounded(levels.cpuB(), 10_000));
        json.add("cpu", cpu);
        // Ours beyond the table: the generations A can be besides B, so a page can offer them.
        JsonArray kept = new JsonArray();
        view.kept().forEach(kept::add);
        json.add("kept", kept);
        if (view.stoppedBecause() != null) {
            json.addProperty("stoppedBecause", view.stoppedBecause());
        }
        return json;
    }

    /** setCompare's params: any of the settings, nothing else; none at all changes nothing. */
    static CompareChange change(RpcParams params) throws RpcException {
        JsonElement raw = params.raw();
        if (raw == null) {
            return new CompareChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        if (!raw.isJsonObject()) {
            throw RpcException.invalidParams("expected an object with any of " + String.join(", ", SETTINGS));
        }
        for (String member : raw.getAsJsonObject().keySet()) {
            if (!SETTINGS.contains(member)) {
                throw RpcException.invalidParams("'" + member + "' is not a compare setting; setCompare takes "
                        + String.join(", ", SETTINGS));
            }
        }
        return new CompareChange(
                params.has("enabled") ? Optional.of(params.bool("enabled")) : Optional.empty(),
                params.has("a") ? Optional.of(generation(params)) : Optional.empty(),
                params.has("listening") ? Optional.of(listening(params)) : Optional.empty(),
                params.has("matchLoudness") ? Optional.of(params.bool("matchLoudness")) : Optional.empty());
    }

    private static int generation(RpcParams params) throws RpcException {
        double number = params.finiteNumber("a");
        if (number != Math.rint(number) || number < 1 || number > Integer.MAX_VALUE) {
            throw RpcException.invalidParams("'a' must be a generation number (a whole number from 1), not " + number);
        }
        return (int) number;
    }

    private static Listening listening(RpcParams params) throws RpcException {
        String name = params.string("listening");
        return Listening.fromWireName(name).orElseThrow(() -> RpcException.invalidParams("'listening' must be"
                + " \"a\", \"b\" or \"diff\", not \"" + name + "\""));
    }

    private static double rounded(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
