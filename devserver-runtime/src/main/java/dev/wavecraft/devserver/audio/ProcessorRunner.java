package dev.wavecraft.devserver.audio;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.Chain;
import dev.wavecraft.api.NoteEvents;
import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.Processor;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.InputSpec;

/**
 * One generation's processor as the audio thread runs it: its own block buffers and parameter
 * values, prepared and warmed up off the audio thread, so running it allocates nothing.
 */
final class ProcessorRunner {

    private static final int WARM_UP_NOTE = 60;

    private final int generation;
    private final Processor processor;
    private final ParameterFeed parameters;
    private final float[][] channels;
    private final AudioBlock block;
    private final NonFiniteOutputException nonFinite;
    /** Meters after each stage when the processor is a chain run live; else null. */
    private final StageMeters stageMeters;
    private boolean live;
    int consecutiveFailures;
    long blocksSucceeded;

    private ProcessorRunner(int generation, Processor processor, ParameterFeed parameters, AudioSettings settings,
            boolean meterStages) {
        this.generation = generation;
        this.processor = processor;
        this.parameters = parameters;
        this.channels = new float[AudioSettings.CHANNELS][settings.blockSize()];
        this.block = new AudioBlock(channels, NoteEvents.withCapacity(LiveNotes.RUNNER_CAPACITY));
        this.nonFinite = new NonFiniteOutputException(processor.getClass().getName());
        this.stageMeters = meterStages && processor instanceof Chain chain ? StageMeters.of(chain, settings) : null;
    }

    /**
     * Calls {@code prepare}, then runs {@code process} on a tone for {@code warmUpBlocks} blocks, with
     * a note (middle C) held for the first half, so its classes are initialised and its code compiled
     * before it is heard, the code that plays notes too, then {@code reset}.
     * Failures here are not fatal: the processor will fail again on the audio thread, where that is
     * reported and handled.
     */
    static ProcessorRunner prepare(int generation, Processor processor, ParameterLayout layout, ParameterHost host,
            AudioSettings settings, int warmUpBlocks) {
        return prepare(new ProcessorRunner(generation, processor, ParameterFeed.live(host, layout), settings, true),
                settings, warmUpBlocks);
    }

    /**
     * {@link #prepare} for a processor fed by {@code parameters}, such as compare's A ({@link ParameterFeed#byId}),
     * whose stages are not metered.
     */
    static ProcessorRunner prepare(int generation, Processor processor, ParameterFeed parameters,
            AudioSettings settings, int warmUpBlocks) {
        return prepare(new ProcessorRunner(generation, processor, parameters, settings, false), settings,
                warmUpBlocks);
    }

    private static ProcessorRunner prepare(ProcessorRunner runner, AudioSettings settings, int warmUpBlocks) {
        Processor processor = runner.processor;
        try {
            processor.prepare(settings.sampleRate(), settings.blockSize());
            runner.warmUp(settings, warmUpBlocks);
            processor.reset();
        } catch (RuntimeException | LinkageError e) {
            // Reported when it happens again on the audio thread.
        }
        return runner;
    }

    private void warmUp(AudioSettings settings, int blocks) {
        ToneSource tone = new ToneSource(InputSpec.DEFAULT_FREQUENCY, InputSpec.DEFAULT_LEVEL, settings.sampleRate());
        float[][] input = new float[AudioSettings.CHANNELS][settings.blockSize()];
        int failures = 0;
        for (int i = 0; i < blocks && failures < 3; i++) {
            tone.fill(input, settings.blockSize());
            if (i == 0) {
                block.notes().noteOn(0, 0, WARM_UP_NOTE, 0.5f);
            } else if (i == blocks / 2) {
                block.notes().noteOff(0, 0, WARM_UP_NOTE, 0);
            }
            if (process(input, null, settings.blockSize()) != null) {
                failures++;
            }
        }
    }

    int generation() {
        return generation;
    }

    Processor processor() {
        return processor;
    }

    /**
     * Audio thread: starts or stops metering the stages of a chain (a volatile write into the api's
     * {@code Chain}, no user code); the meters, or null when there are none to show.
     */
    StageMeters meterStages(boolean on) {
        if (stageMeters == null) {
            return null;
        }
        ((Chain) processor).tap(on ? stageMeters : Chain.StageTap.NONE);
        return stageMeters;
    }

    /** The processed audio of the last {@link #process} call. */
    float[][] output() {
        return channels;
    }

    /**
     * Processes a copy of {@code input} with the block's note events (the notes held, too, in this
     * runner's first block on air). A processor that throws, or writes NaN or infinite samples,
     * gets its block muted.
     *
     * @param notes the block's notes on air, or null while warming up (the notes already in the block,
     *     values as they are)
     * @return null on success, else what went wrong
     */
    Throwable process(float[][] input, LiveNotes notes, int frames) {
        for (int c = 0; c < channels.length; c++) {
            System.arraycopy(input[c], 0, channels[c], 0, frames);
        }
        block.setFrames(frames);
        if (notes != null) {
            block.notes().copyFrom(notes.forRunner(!live));
            live = true;
        }
        try {
            processor.process(block, notes != null ? parameters.update() : parameters.current());
        } catch (Throwable failure) {
            mute(frames);
            return failure;
        } finally {
            block.notes().clear();
        }
        for (float[] channel : channels) {
            for (int i = 0; i < frames; i++) {
                float sample = channel[i];
                if (sample != sample || sample == Float.POSITIVE_INFINITY || sample == Float.NEGATIVE_INFINITY) {
                    mute(frames);
                    return nonFinite;
                }
            }
        }
        return null;
    }

    private void mute(int frames) {
        for (float[] channel : channels) {
            java.util.Arrays.fill(channel, 0, frames, 0f);
        }
    }

    /** Made once per processor, so reporting bad output allocates nothing on the audio thread. */
    static final class NonFiniteOutputException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NonFiniteOutputException(String processor) {
            super(processor + ".process() wrote NaN or infinite samples", null, false, false);
        }
    }
}
