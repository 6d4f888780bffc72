package dev.wavecraft.devserver.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.audio.AudioEngine;
import dev.wavecraft.devserver.audio.wav.WavFormatException;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * getMeterFrame, getOscilloscopeFrame and getAudioStatus (PROTOCOL.md), and our getInputSource and
 * setInputSource. setInputSource may read a WAV file of hundreds of MiB, so it runs on its own
 * worker, one request after another; the I/O thread goes on serving everybody meanwhile.
 */
public final class AudioMethods {

    /** Says nothing of what is at the path: a page must not learn which files exist or are readable. */
    static final String CANNOT_READ = "cannot read the WAV file: check that it exists, that the server may read it"
            + " and that it is a WAV file (relative paths start at the project's folder)";
    private static final System.Logger LOG = System.getLogger(AudioMethods.class.getName());

    private final AudioEngine engine;
    private final Executor inputReader = Workers.single("wavecraft-input-reader");

    public AudioMethods(AudioEngine engine) {
        this.engine = engine;
    }

    public Map<String, AsyncRpcMethod> methods() {
        return Map.of(
                RpcNames.GET_METER_FRAME, (RpcMethod) (params, caller) -> wrap("frame",
                        engine.meterFrame().map(AudioJson::meterFrame).orElse(null)),
                RpcNames.GET_OSCILLOSCOPE_FRAME, (RpcMethod) (params, caller) -> wrap("frame",
                        engine.oscilloscopeFrame().map(AudioJson::oscilloscopeFrame).orElse(null)),
                RpcNames.GET_AUDIO_STATUS, (RpcMethod) (params, caller) -> wrap("status",
                        AudioJson.status(engine.status())),
                RpcNames.GET_INPUT_SOURCE, (RpcMethod) (params, caller) -> AudioJson.inputSource(engine.input()),
                RpcNames.SET_INPUT_SOURCE, this::setInputSource);
    }

    /** Checks the params at once; only a WAV file is read on the worker, so only its reply comes later. */
    private CompletionStage<JsonElement> setInputSource(RpcParams params, Object caller) throws RpcException {
        InputSpec input = AudioJson.inputSource(params);
        RpcMethod apply = (ignored, from) -> setInputSource(input, from);
        return input.kind() == InputSpec.Kind.WAV ? AsyncRpcMethod.onWorker(inputReader, apply).start(params, caller)
                : apply.start(params, caller);
    }

    private JsonElement setInputSource(InputSpec input, Object caller) throws RpcException {
        try {
            engine.setInput(input, caller);
        } catch (WavFormatException e) {
            if (!e.isWav()) {
                throw cannotRead(input, e);
            }
            throw RpcException.invalidParams("cannot play " + input.path() + ": " + FailureText.of(e));
        } catch (IOException e) {
            throw cannotRead(input, e);
        }
        return AudioJson.inputSource(input);
    }

    /** The page hears the same words whatever went wrong; the terminal, the user's own, hears why. */
    private static RpcException cannotRead(InputSpec input, IOException e) {
        LOG.log(System.Logger.Level.WARNING, "setInputSource: cannot read " + input.path() + ": " + e);
        return RpcException.invalidParams(CANNOT_READ);
    }

    private static JsonObject wrap(String name, JsonElement value) {
        JsonObject result = new JsonObject();
        result.add(name, value == null ? JsonNull.INSTANCE : value);
        return result;
    }
}
