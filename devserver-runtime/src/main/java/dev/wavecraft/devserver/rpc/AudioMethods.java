package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.audio.AudioEngine;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.IOException;
import java.util.Map;

/** getMeterFrame, getOscilloscopeFrame and getAudioStatus (PROTOCOL.md), and our getInputSource and setInputSource. */
public final class AudioMethods {

    private final AudioEngine engine;

    public AudioMethods(AudioEngine engine) {
        this.engine = engine;
    }

    public Map<String, RpcMethod> methods() {
        return Map.of(
                RpcNames.GET_METER_FRAME, (params, caller) -> wrap("frame",
                        engine.meterFrame().map(AudioJson::meterFrame).orElse(null)),
                RpcNames.GET_OSCILLOSCOPE_FRAME, (params, caller) -> wrap("frame",
                        engine.oscilloscopeFrame().map(AudioJson::oscilloscopeFrame).orElse(null)),
                RpcNames.GET_AUDIO_STATUS, (params, caller) -> wrap("status", AudioJson.status(engine.status())),
                RpcNames.GET_INPUT_SOURCE, (params, caller) -> AudioJson.inputSource(engine.input()),
                RpcNames.SET_INPUT_SOURCE, this::setInputSource);
    }

    private JsonElement setInputSource(RpcParams params, Object caller) throws RpcException {
        InputSpec input = AudioJson.inputSource(params);
        try {
            engine.setInput(input, caller);
        } catch (IOException e) {
            throw RpcException.invalidParams("cannot play " + input.path() + ": " + describe(e));
        }
        return AudioJson.inputSource(input);
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file (relative paths start at the project's folder)";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static JsonObject wrap(String name, JsonElement value) {
        JsonObject result = new JsonObject();
        result.add(name, value == null ? JsonNull.INSTANCE : value);
        return result;
    }
}
