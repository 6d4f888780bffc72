package dev.wavecraft.devserver.render;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.NoteEvents;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import dev.wavecraft.devserver.audio.wav.WavWriter;
import dev.wavecraft.devserver.processor.CallWatch;
import dev.wavecraft.devserver.processor.UserCode;
import dev.wavecraft.protocol.options.AudioSettings;
import java.io.IOException;
import java.util.Locale;

/**
 * Runs a processor over a render's input block by block, as the dev server does but as fast as it
 * goes, and hands every block to the writer as soon as it is processed: memory stays at one block
 * whatever the length. A MIDI file's messages reach the block they fall in, at their offsets.
 * Every call into the processor is announced to a {@link CallWatch}.
 */
final class BlockRenderer {

    private final Processor processor;
    private final ParameterValues values;
    private final int blockSize;
    private final CallWatch watch;

    BlockRenderer(Processor processor, ParameterValues values, int blockSize, CallWatch watch) {
        this.processor = processor;
        this.values = values;
        this.blockSize = blockSize;
        this.watch = watch;
    }

    /**
     * @return the peak level of what was written
     * @throws RenderException when the processor throws, saying where in the audio
     * @throws IOException when the output cannot be written
     */
    float render(RenderInput input, MidiPlayback midi, WavWriter output) throws RenderException, IOException {
        float[][] channels = new float[AudioSettings.CHANNELS][blockSize];
        NoteEvents notes = NoteEvents.withCapacity(Math.max(NoteEvents.DEFAULT_CAPACITY, midi.busiestBlock(blockSize)));
        AudioBlock block = new AudioBlock(channels, notes);
        call("prepare()", 0, input, () -> processor.prepare(input.sampleRate(), blockSize));
        call("reset()", 0, input, processor::reset);
        float peak = 0;
        long index = 0;
        for (long start = 0; start < input.frames(); start += blockSize, index++) {
            int frames = (int) Math.min(blockSize, input.frames() - start);
            input.source().fill(channels, frames);
            midi.fill(notes, start, frames);
            block.setFrames(frames);
            watch.enter("process()", index);
            try {
                processor.process(block, values);
            } catch (RuntimeException | Error e) {
                throw threw("process()", index, input, e);
            } finally {
                watch.exit();
            }
            peak = peak(channels, frames, peak);
            output.write(channels, frames);
        }
        return peak;
    }

    private void call(String method, long index, RenderInput input, Runnable body) throws RenderException {
        watch.enter(method, index);
        try {
            body.run();
        } catch (RuntimeException | Error e) {
            throw threw(method, index, input, e);
        } finally {
            watch.exit();
        }
    }

    private RenderException threw(String method, long index, RenderInput input, Throwable failure) {
        String line = UserCode.innermostFrame(failure.getStackTrace())
                .map(frame -> ", in " + UserCode.describe(frame)).orElse("");
        return new RenderException(processor.getClass().getName() + "." + method + " threw " + failure + " at "
                + where(index, blockSize, input.sampleRate()) + line, failure);
    }

    /** The place in the audio where block {@code index} (from 0) starts, as the user reads it. */
    static String where(long index, int blockSize, int sampleRate) {
        return String.format(Locale.ROOT, "%.3f s (block %d)", index * blockSize / (double) sampleRate, index + 1);
    }

    private static float peak(float[][] channels, int frames, float peak) {
        for (float[] channel : channels) {
            for (int i = 0; i < frames; i++) {
                peak = Math.max(peak, Math.abs(channel[i]));
            }
        }
        return peak;
    }
}
