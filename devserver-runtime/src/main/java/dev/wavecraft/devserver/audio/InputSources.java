package dev.wavecraft.devserver.audio;

import dev.wavecraft.devserver.audio.wav.WavAudio;
import dev.wavecraft.devserver.audio.wav.WavReader;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.IOException;
import java.util.Arrays;

/**
 * Turns an {@link InputSpec} into a running {@link InputSource}, off the audio thread: a WAV file
 * is read whole and converted to the engine's rate and channel count here, never while playing.
 */
public final class InputSources {

    /** Longer files are refused, so a stray long recording cannot fill the server's heap. */
    static final int MAX_SECONDS = 600;

    private InputSources() {
    }

    /**
     * Blocks while a WAV file is read (up to {@link WavReader#MAX_BYTES}): call it off the server's I/O thread.
     *
     * @throws IOException saying why a WAV file cannot be used (missing, unreadable, unsupported, too long)
     */
    public static InputSource open(InputSpec spec, AudioSettings settings) throws IOException {
        switch (spec.kind()) {
            case TONE:
                return new ToneSource(spec.frequency(), spec.level(), settings.sampleRate());
            case WHITE_NOISE:
                return NoiseSource.white(spec.level(), System.nanoTime());
            case PINK_NOISE:
                return NoiseSource.pink(spec.level(), System.nanoTime());
            case WAV:
                return new WavLoopSource(loop(WavReader.read(spec.path(), MAX_SECONDS), settings), spec.level());
            default:
                return InputSources::silence;
        }
    }

    /**
     * A generated input (tone, noise or silence) produced block by block, with noise seeded by
     * {@code seed} so an offline render is the same every time.
     */
    public static InputSource generated(InputSpec spec, int sampleRate, long seed) {
        return switch (spec.kind()) {
            case TONE -> new ToneSource(spec.frequency(), spec.level(), sampleRate);
            case WHITE_NOISE -> NoiseSource.white(spec.level(), seed);
            case PINK_NOISE -> NoiseSource.pink(spec.level(), seed);
            case SILENCE -> InputSources::silence;
            case WAV -> throw new IllegalArgumentException("A WAV input is read, not generated");
        };
    }

    private static void silence(float[][] channels, int frames) {
        for (float[] channel : channels) {
            Arrays.fill(channel, 0, frames, 0f);
        }
    }

    private static float[][] loop(WavAudio audio, AudioSettings settings) {
        float[][] stereo = new float[AudioSettings.CHANNELS][];
        for (int c = 0; c < stereo.length; c++) {
            float[] source = audio.channels()[Math.min(c, audio.channelCount() - 1)];
            stereo[c] = resample(source, audio.sampleRate(), settings.sampleRate());
        }
        return stereo;
    }

    /** Linear interpolation: good enough for a test signal, and free of dependencies. */
    static float[] resample(float[] source, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return source.clone();
        }
        int length = (int) Math.max(1, Math.round(source.length * (double) toRate / fromRate));
        float[] target = new float[length];
        double step = (double) fromRate / toRate;
        for (int i = 0; i < length; i++) {
            double position = i * step;
            int index = (int) position;
            float fraction = (float) (position - index);
            float a = source[Math.min(index, source.length - 1)];
            float b = source[Math.min(index + 1, source.length - 1)];
            target[i] = a + (b - a) * fraction;
        }
        return target;
    }
}
