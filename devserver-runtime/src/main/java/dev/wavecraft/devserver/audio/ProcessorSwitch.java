package dev.wavecraft.devserver.audio;

import dev.wavecraft.devserver.processor.CallWatch;
import dev.wavecraft.protocol.options.AudioSettings;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which processor the audio thread runs, and the swap to a new one: a prepared runner waits in a
 * single slot until the next block boundary, then both run for a short equal-power crossfade
 * (old · cos, new · sin) and the old one is retired to the monitor thread. A runner offered while
 * another still waits replaces it; one that arrives during a fade waits for the fade to end.
 */
final class ProcessorSwitch {

    private final AtomicReference<ProcessorRunner> pending = new AtomicReference<>();
    private final RetiredRunners retired;
    private final AudioCounters counters;
    private final ProcessorHealth health;
    private final CallWatch watch;
    private final MeterTap meters;
    /** fadeIn[i] = sin(π/2 · (i + ½) / n); the fade-out gain is fadeIn[n - 1 - i], the cosine. */
    private final float[] fadeIn;
    private final float[][] mix;
    private ProcessorRunner current;
    private ProcessorRunner next;
    private int fadePosition;
    private boolean swapping;

    ProcessorSwitch(AudioSettings settings, int fadeFrames, RetiredRunners retired, AudioCounters counters,
            ProcessorHealth health, CallWatch watch, MeterTap meters) {
        this.retired = retired;
        this.meters = meters;
        this.watch = watch;
        this.counters = counters;
        this.health = health;
        this.fadeIn = new float[fadeFrames];
        for (int i = 0; i < fadeFrames; i++) {
            fadeIn[i] = (float) Math.sin(Math.PI / 2 * (i + 0.5) / fadeFrames);
        }
        this.mix = new float[AudioSettings.CHANNELS][settings.blockSize()];
    }

    /** Any thread: queues a prepared runner; returns the one it replaced before it was heard, if any. */
    ProcessorRunner offer(ProcessorRunner runner) {
        return pending.getAndSet(runner);
    }

    /** Any thread: takes the runner waiting for the next block boundary away; null when none waits. */
    ProcessorRunner takeWaiting() {
        return pending.getAndSet(null);
    }

    /** Audio thread: runs the processor(s) on {@code input} and the block's notes; returns the output for this block. */
    float[][] render(float[][] input, LiveNotes notes, int frames) {
        swapping = false;
        if (next == null && pending.get() != null) {
            adopt(pending.getAndSet(null));
        }
        if (current == null) {
            for (float[] channel : mix) {
                java.util.Arrays.fill(channel, 0, frames, 0f);
            }
            return mix;
        }
        run(current, input, notes, frames, next == null);
        if (next == null) {
            return current.output();
        }
        swapping = true;
        run(next, input, notes, frames, true);
        crossfade(frames);
        return mix;
    }

    /** Audio thread: whether the next {@link #render} will swap processors or run a crossfade. */
    boolean swapDue() {
        return next != null || pending.get() != null;
    }

    /** Whether the last block swapped processors or ran a crossfade. */
    boolean swappedThisBlock() {
        return swapping;
    }

    private void adopt(ProcessorRunner incoming) {
        counters.swapped();
        health.live(incoming.generation());
        swapping = true;
        // The stages metered are the newest generation's, from its first block: the one fading out stops.
        if (current != null) {
            current.meterStages(false);
        }
        meters.showStages(incoming.meterStages(true));
        if (current == null) {
            current = incoming;
        } else {
            next = incoming;
            fadePosition = 0;
        }
    }

    private void run(ProcessorRunner runner, float[][] input, LiveNotes notes, int frames, boolean newest) {
        watch.enter("process()", runner.generation());
        Throwable failure = runner.process(input, notes, frames);
        watch.exit();
        if (failure == null) {
            runner.consecutiveFailures = 0;
            runner.blocksSucceeded++;
            if (newest) {
                health.succeeded(runner);
            }
        } else {
            runner.consecutiveFailures++;
            counters.processFailed();
            health.failed(runner, failure, newest);
        }
    }

    private void crossfade(int frames) {
        float[][] out = current.output();
        float[][] in = next.output();
        int length = fadeIn.length;
        for (int c = 0; c < mix.length; c++) {
            float[] target = mix[c];
            float[] a = out[c];
            float[] b = in[c];
            for (int i = 0; i < frames; i++) {
                int position = fadePosition + i;
                target[i] = position < length
                        ? a[i] * fadeIn[length - 1 - position] + b[i] * fadeIn[position]
                        : b[i];
            }
        }
        fadePosition += frames;
        if (fadePosition >= length) {
            retired.offer(current);
            current = next;
            next = null;
            counters.crossfaded();
        }
    }
}
