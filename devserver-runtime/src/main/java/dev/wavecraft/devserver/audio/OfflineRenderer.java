package dev.wavecraft.devserver.audio;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import dev.wavecraft.protocol.options.AudioSettings;

/**
 * Runs a processor over a whole recording, block by block as the dev server would, but as fast as
 * it goes: for {@code wavecraft:render} and golden-file tests. The processor always sees stereo,
 * like in the dev server; a mono input is fed to both channels.
 */
public final class OfflineRenderer {

    private OfflineRenderer() {
    }

    /**
     * @param input one array per channel (one or two), all of the same length
     * @return the processed audio, two channels of the input's length
     * @throws ProcessFailedException when {@code process} throws, saying where in the audio
     */
    public static float[][] render(Processor processor, ParameterValues values, float[][] input, int sampleRate,
            int blockSize) throws ProcessFailedException {
        int length = input[0].length;
        float[][] output = new float[AudioSettings.CHANNELS][length];
        float[][] channels = new float[AudioSettings.CHANNELS][blockSize];
        AudioBlock block = new AudioBlock(channels);
        processor.prepare(sampleRate, blockSize);
        processor.reset();
        for (int start = 0; start < length; start += blockSize) {
            int frames = Math.min(blockSize, length - start);
            for (int c = 0; c < channels.length; c++) {
                System.arraycopy(input[Math.min(c, input.length - 1)], start, channels[c], 0, frames);
            }
            block.setFrames(frames);
            try {
                processor.process(block, values);
            } catch (RuntimeException | LinkageError e) {
                throw new ProcessFailedException(processor.getClass().getName() + ".process() threw " + e
                        + " at " + String.format(java.util.Locale.ROOT, "%.3f", start / (double) sampleRate)
                        + " s (block " + (start / blockSize + 1) + ")", e);
            }
            for (int c = 0; c < channels.length; c++) {
                System.arraycopy(channels[c], 0, output[c], start, frames);
            }
        }
        return output;
    }

    /** The processor failed while rendering; the message names the place in the audio. */
    public static final class ProcessFailedException extends Exception {

        private static final long serialVersionUID = 1L;

        ProcessFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
