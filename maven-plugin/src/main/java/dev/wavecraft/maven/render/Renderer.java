package dev.wavecraft.maven.render;

import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.devserver.audio.InputSources;
import dev.wavecraft.devserver.audio.OfflineRenderer;
import dev.wavecraft.devserver.audio.wav.WavAudio;
import dev.wavecraft.devserver.audio.wav.WavReader;
import dev.wavecraft.devserver.audio.wav.WavWriter;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoadException;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Renders the project's processor offline: loads it from the project's classes the way the dev
 * server does, reads or generates the input, sets the parameters, runs it and writes the WAV file,
 * which appears complete or not at all. Every failure the user can fix is a {@link RenderException}.
 */
public final class Renderer {

    /** Noise inputs use a fixed seed, so a render is the same every time (golden files). */
    static final long NOISE_SEED = 1;
    static final double MAX_SECONDS = 3600;

    private Renderer() {
    }

    public static Result render(RenderRequest request) throws RenderException {
        try (ProcessorLoader loader = new ProcessorLoader(request.processorClass(), request.processorTimeout())) {
            LoadedProcessor loaded = loader.load(request.classpath(), 1);
            ParameterValues values = request.parameters().apply(loaded.layout(), loaded.className());
            WavAudio input = input(request);
            float[][] output = OfflineRenderer.render(loaded.processor(), values, input.channels(),
                    input.sampleRate(), request.blockSize());
            WavAudio rendered = new WavAudio(input.sampleRate(), output, request.format());
            write(request, rendered);
            return new Result(loaded.className(), rendered, peak(output));
        } catch (ProcessorLoadException e) {
            throw new RenderException(e.getMessage(), e.getCause());
        } catch (OfflineRenderer.ProcessFailedException e) {
            throw new RenderException(e.getMessage() + ". Nothing was written to " + request.output() + ".",
                    e.getCause());
        } catch (IOException e) {
            throw new RenderException("Could not read the project's classes: " + e.getMessage(), e);
        }
    }

    private static WavAudio input(RenderRequest request) throws RenderException {
        InputSpec spec = request.input();
        if (spec.kind() != InputSpec.Kind.WAV) {
            if (!(request.seconds() > 0 && request.seconds() <= MAX_SECONDS)) {
                throw new RenderException("wavecraft.duration must be a number of seconds above 0 and at most "
                        + (int) MAX_SECONDS + ", not " + request.seconds() + ".");
            }
            int frames = (int) Math.round(request.seconds() * AudioSettings.SAMPLE_RATE);
            return new WavAudio(AudioSettings.SAMPLE_RATE,
                    InputSources.generate(spec, AudioSettings.SAMPLE_RATE, frames, NOISE_SEED), request.format());
        }
        try {
            return WavReader.read(spec.path());
        } catch (NoSuchFileException e) {
            throw new RenderException("The input " + spec.path() + " does not exist. Set wavecraft.input to a WAV"
                    + " file (16- or 24-bit PCM or 32-bit float, mono or stereo), or leave it out to render a test"
                    + " tone.");
        } catch (IOException e) {
            throw new RenderException("Cannot use the input " + spec.path() + ": " + e.getMessage() + ". Convert it"
                    + " to a 16- or 24-bit PCM or 32-bit float WAV file, mono or stereo.");
        }
    }

    private static void write(RenderRequest request, WavAudio rendered) throws RenderException {
        try {
            WavWriter.write(request.output(), rendered);
        } catch (IOException e) {
            throw new RenderException("Cannot write " + request.output() + ": " + e
                    + ". Check that its folder is writable, or choose another file with wavecraft.output.", e);
        }
    }

    private static float peak(float[][] audio) {
        float peak = 0;
        for (float[] channel : audio) {
            for (float sample : channel) {
                peak = Math.max(peak, Math.abs(sample));
            }
        }
        return peak;
    }

    /** What was rendered: by which processor, the audio as written, and its peak level. */
    public record Result(String processor, WavAudio audio, float peak) {
    }
}
