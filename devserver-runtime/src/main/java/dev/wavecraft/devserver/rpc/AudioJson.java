package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.audio.AudioCounts;
import dev.wavecraft.devserver.audio.AudioDiagnostic;
import dev.wavecraft.devserver.audio.AudioStatus;
import dev.wavecraft.devserver.audio.CpuLoad;
import dev.wavecraft.devserver.audio.MeterFrame;
import dev.wavecraft.devserver.audio.OscilloscopeFrame;
import dev.wavecraft.devserver.audio.RollbackNotice;
import dev.wavecraft.devserver.audio.StageLevels;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.options.InputSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audio objects in their wire form (PROTOCOL.md, "Audio"), built member by member so the
 * spellings are exactly the protocol's; and input sources, which are ours, read back with checks.
 */
final class AudioJson {

    private static final Map<InputSpec.Kind, Set<String>> MEMBERS = Map.of(
            InputSpec.Kind.TONE, Set.of("kind", "frequency", "level"),
            InputSpec.Kind.WHITE_NOISE, Set.of("kind", "level"),
            InputSpec.Kind.PINK_NOISE, Set.of("kind", "level"),
            InputSpec.Kind.WAV, Set.of("kind", "path", "level"),
            InputSpec.Kind.SILENCE, Set.of("kind"));

    private AudioJson() {
    }

    static JsonObject meterFrame(MeterFrame frame) {
        JsonObject json = new JsonObject();
        json.addProperty("peak_l", frame.peakL());
        json.addProperty("peak_r", frame.peakR());
        json.addProperty("rms_l", frame.rmsL());
        json.addProperty("rms_r", frame.rmsR());
        json.addProperty("timestamp", frame.timestamp());
        if (!frame.stages().isEmpty()) {
            json.add("stages", stages(frame.stages()));
        }
        return json;
    }

    /** Ours, an extra field of the meter frame: the levels after each stage of a chain, in chain order. */
    private static JsonArray stages(List<StageLevels> stages) {
        JsonArray array = new JsonArray(stages.size());
        for (StageLevels stage : stages) {
            JsonObject json = new JsonObject();
            json.addProperty("id", stage.id());
            json.addProperty("peak_l", stage.peakL());
            json.addProperty("peak_r", stage.peakR());
            json.addProperty("rms_l", stage.rmsL());
            json.addProperty("rms_r", stage.rmsR());
            array.add(json);
        }
        return array;
    }

    static JsonObject oscilloscopeFrame(OscilloscopeFrame frame) {
        JsonObject json = new JsonObject();
        json.add("points_l", points(frame.pointsL()));
        json.add("points_r", points(frame.pointsR()));
        json.addProperty("sample_rate", frame.sampleRate());
        json.addProperty("timestamp", frame.timestamp());
        json.addProperty("no_signal", frame.noSignal());
        json.addProperty("trigger_mode", OscilloscopeFrame.TRIGGER_MODE);
        return json;
    }

    /** The protocol's fields, then our counters as extra fields (clients ignore what they do not know). */
    static JsonObject status(AudioStatus status) {
        JsonObject json = new JsonObject();
        json.addProperty("phase", status.phase().wireName());
        if (status.diagnostic() != null) {
            json.add("diagnostic", diagnostic(status.diagnostic()));
        }
        json.addProperty("sample_rate", status.sampleRate());
        json.addProperty("buffer_size", status.bufferSize());
        json.addProperty("updated_at_ms", status.updatedAtMs());
        AudioCounts counters = status.counters();
        json.addProperty("generation", status.generation());
        json.addProperty("output", status.output());
        json.addProperty("blocks_processed", counters.blocks());
        json.addProperty("deadline_misses", counters.deadlineMisses());
        json.addProperty("dropped_blocks", counters.droppedBlocks());
        json.addProperty("max_lateness_ms", round(counters.maxLatenessMs()));
        json.addProperty("swaps", counters.swaps());
        json.addProperty("crossfades", counters.crossfades());
        json.addProperty("swap_deadline_misses", counters.swapDeadlineMisses());
        json.addProperty("max_swap_cpu_ms", round(counters.maxSwapCpuMs()));
        json.addProperty("process_failures", counters.processFailures());
        json.addProperty("rollbacks", counters.rollbacks());
        json.addProperty("load", round(status.load()));
        if (status.lastRollback() != null) {
            json.add("last_rollback", rollback(status.lastRollback()));
        }
        json.add("cpu", cpu(status.cpu(), status.cpuA()));
        return json;
    }

    /**
     * Processing time per block as shares of the period: the live generation's figures under
     * {@code b}, and while comparing generation A's beside them under {@code a}.
     */
    private static JsonObject cpu(CpuLoad live, CpuLoad a) {
        JsonObject json = new JsonObject();
        json.add("b", percentiles(live));
        if (a != null) {
            json.add("a", percentiles(a));
        }
        json.addProperty("blocks", live.blocks());
        json.addProperty("window_ms", live.windowMs());
        json.addProperty("warn_above", CpuLoad.WARNING);
        return json;
    }

    private static JsonObject percentiles(CpuLoad load) {
        JsonObject json = new JsonObject();
        json.addProperty("p50", round(load.p50()));
        json.addProperty("p99", round(load.p99()));
        json.addProperty("max", round(load.max()));
        return json;
    }

    static JsonObject inputSource(InputSpec input) {
        JsonObject json = new JsonObject();
        json.addProperty("kind", input.kind().wireName());
        if (input.kind() == InputSpec.Kind.TONE) {
            json.addProperty("frequency", input.frequency());
        }
        if (input.kind() == InputSpec.Kind.WAV) {
            json.addProperty("path", input.path().toString());
        }
        if (input.kind() != InputSpec.Kind.SILENCE) {
            json.addProperty("level", input.level());
        }
        return json;
    }

    /** Reads setInputSource's params; anything wrong is -32602 with the reason. */
    static InputSpec inputSource(RpcParams params) throws RpcException {
        InputSpec.Kind kind;
        try {
            kind = InputSpec.Kind.named(params.string("kind"));
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(FailureText.of(e));
        }
        Set<String> allowed = MEMBERS.get(kind);
        for (String member : params.raw().getAsJsonObject().keySet()) {
            if (!allowed.contains(member)) {
                throw RpcException.invalidParams("'" + member + "' does not apply to " + kind.wireName()
                        + "; it takes " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        double defaultLevel = kind == InputSpec.Kind.WAV ? 1 : InputSpec.DEFAULT_LEVEL;
        double level = params.has("level") ? params.finiteNumber("level") : defaultLevel;
        try {
            switch (kind) {
                case TONE:
                    return InputSpec.tone(params.has("frequency") ? params.finiteNumber("frequency")
                            : InputSpec.DEFAULT_FREQUENCY, level);
                case WAV:
                    return InputSpec.wav(Path.of(params.string("path")), level);
                case SILENCE:
                    return InputSpec.silence();
                default:
                    return new InputSpec(kind, 0, level, null);
            }
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(FailureText.of(e));
        }
    }

    private static JsonObject diagnostic(AudioDiagnostic diagnostic) {
        JsonObject json = new JsonObject();
        json.addProperty("code", diagnostic.code());
        json.addProperty("message", diagnostic.message());
        if (diagnostic.hint() != null) {
            json.addProperty("hint", diagnostic.hint());
        }
        return json;
    }

    private static JsonObject rollback(RollbackNotice notice) {
        JsonObject json = new JsonObject();
        json.addProperty("failed_generation", notice.failedGeneration());
        if (notice.restoredAs() >= 0) {
            json.addProperty("restored_as", notice.restoredAs());
        }
        json.addProperty("reason", notice.reason());
        json.addProperty("at_ms", notice.atMs());
        return json;
    }

    private static JsonElement points(float[] values) {
        JsonArray array = new JsonArray(values.length);
        for (float value : values) {
            array.add(value);
        }
        return array;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
