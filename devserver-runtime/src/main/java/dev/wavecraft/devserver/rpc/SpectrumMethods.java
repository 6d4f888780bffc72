package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.audio.AudioEngine;
import dev.wavecraft.devserver.audio.SpectrumFrame;
import dev.wavecraft.devserver.audio.spectrum.SpectrumAnalyser;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * getSpectrumFrame (PROTOCOL.md, "Workbench"): a size that is not a power of two within range is
 * -32602 at once; the FFTs (two, four while comparing) run on the {@code wavecraft-spectrum}
 * worker over the samples the audio thread kept, so the thread that read the request goes on
 * serving everybody meanwhile.
 */
public final class SpectrumMethods {

    private final AudioEngine engine;
    private final Executor analyser = Workers.single("wavecraft-spectrum");

    public SpectrumMethods(AudioEngine engine) {
        this.engine = engine;
    }

    public Map<String, AsyncRpcMethod> methods() {
        return Map.of(RpcNames.GET_SPECTRUM_FRAME, this::getSpectrumFrame);
    }

    private CompletionStage<JsonElement> getSpectrumFrame(RpcParams params, Object caller) throws RpcException {
        int size = params.has("size") ? size(params.finiteNumber("size")) : SpectrumAnalyser.DEFAULT_SIZE;
        return AsyncRpcMethod.onWorker(analyser, (ignored, from) -> frameOf(size)).start(params, caller);
    }

    private JsonElement frameOf(int size) {
        Optional<SpectrumFrame> frame = engine.spectrumFrame(size);
        JsonObject result = new JsonObject();
        result.add("frame", frame.<JsonElement>map(SpectrumMethods::frame).orElse(JsonNull.INSTANCE));
        return result;
    }

    private static int size(double requested) throws RpcException {
        // A fraction or a number beyond int (cast to Integer.MAX_VALUE) is no power of two within range.
        if (requested != Math.rint(requested) || !SpectrumAnalyser.isSupportedSize((int) requested)) {
            throw RpcException.invalidParams("'size': " + SpectrumAnalyser.unsupportedSize(requested));
        }
        return (int) requested;
    }

    private static JsonObject frame(SpectrumFrame frame) {
        JsonObject json = new JsonObject();
        json.add("bins_l", bins(frame.binsL()));
        json.add("bins_r", bins(frame.binsR()));
        if (frame.binsA() != null) {
            json.add("bins_a", bins(frame.binsA()));
        }
        json.addProperty("fft_size", frame.fftSize());
        json.addProperty("sample_rate", frame.sampleRate());
        json.addProperty("timestamp", frame.timestamp());
        return json;
    }

    /** Hundredths of a dB are more than a screen shows, and keep a frame of 4096 near 30 kB. */
    private static JsonArray bins(float[] decibels) {
        JsonArray array = new JsonArray(decibels.length);
        for (float value : decibels) {
            array.add(Math.round(value * 100) / 100f);
        }
        return array;
    }
}
