package dev.wavecraft.devserver.render;

import dev.wavecraft.devserver.audio.InputSource;
import dev.wavecraft.devserver.audio.InputSources;
import dev.wavecraft.devserver.audio.wav.WavAudio;
import dev.wavecraft.devserver.audio.wav.WavReader;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * What the processor hears in a render, block by block: a generated input of a given length at
 * 48 kHz, produced as it is consumed, or a WAV file (read whole, within {@link WavReader#MAX_BYTES})
 * at its own sample rate. The processor always sees stereo; a mono file feeds both channels.
 *
 * @param description how the summary names the input
 */
record RenderInput(int sampleRate, long frames, InputSource source, String description) {

    /** Noise inputs use a fixed seed, so a render is the same every time (golden files). */
    static final long NOISE_SEED = 1;

    static RenderInput of(InputSpec spec, double seconds) throws RenderException {
        if (spec.kind() != InputSpec.Kind.WAV) {
            int rate = AudioSettings.SAMPLE_RATE;
            return new RenderInput(rate, Math.round(seconds * rate), InputSources.generated(spec, rate, NOISE_SEED),
                    spec.format());
        }
        WavAudio audio = read(spec);
        return new RenderInput(audio.sampleRate(), audio.frames(), new WavBlocks(audio), spec.path().toString());
    }

    double seconds() {
        return frames / (double) sampleRate;
    }

    private static WavAudio read(InputSpec spec) throws RenderException {
        try {
            return WavReader.read(spec.path());
        } catch (NoSuchFileException e) {
            throw new RenderException("The input " + spec.path() + " does not exist. Set wavecraft.input to a WAV"
                    + " file (16- or 24-bit PCM or 32-bit float, mono or stereo), or leave it out to render a test"
                    + " tone.");
        } catch (IOException e) {
            throw new RenderException("Cannot use the input " + spec.path() + ": " + FailureText.of(e) + ". Convert it"
                    + " to a 16- or 24-bit PCM or 32-bit float WAV file, mono or stereo.");
        }
    }

    /** A file's audio handed out from its start, one block after the other. */
    private static final class WavBlocks implements InputSource {

        private final float[][] channels;
        private int position;

        WavBlocks(WavAudio audio) {
            this.channels = audio.channels();
        }

        @Override
        public void fill(float[][] block, int frames) {
            for (int c = 0; c < block.length; c++) {
                System.arraycopy(channels[Math.min(c, channels.length - 1)], position, block[c], 0, frames);
            }
            position += frames;
        }
    }
}
