package dev.wavecraft.devserver.audio;

import dev.wavecraft.protocol.options.AudioSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The body of the {@code wavecraft-audio} thread: opens the output, then block after block takes
 * the input and the notes that arrived, runs the processor(s) and compare's A, times them, feeds the meters, the oscilloscope
 * and the spectrum what is heard, writes the output and waits for the next block period (unless
 * the device's blocking write paces it). In steady state nothing here allocates or locks.
 */
final class AudioLoop implements Runnable {

    private final AudioSettings settings;
    private final AudioClock clock;
    private final OutputOpener opener;
    private final AtomicReference<InputSource> pendingInput;
    private final ProcessorSwitch processors;
    private final CompareStage compare;
    private final MeterTap meters;
    private final OscilloscopeTap oscilloscope;
    private final SpectrumTap spectrum;
    private final ProcessTimes processTimes;
    private final AudioCounters counters;
    private final OutputState output;
    private final LiveNotes notes;
    private volatile boolean running = true;
    /** The input being played, for a fresh audio thread that takes over from this one. */
    private volatile InputSource playing;

    AudioLoop(AudioSettings settings, AudioClock clock, OutputOpener opener, AtomicReference<InputSource> pendingInput,
            ProcessorSwitch processors, CompareStage compare, MeterTap meters, OscilloscopeTap oscilloscope,
            SpectrumTap spectrum, ProcessTimes processTimes, AudioCounters counters, OutputState output,
            LiveNotes notes) {
        this.settings = settings;
        this.clock = clock;
        this.opener = opener;
        this.pendingInput = pendingInput;
        this.processors = processors;
        this.compare = compare;
        this.meters = meters;
        this.oscilloscope = oscilloscope;
        this.spectrum = spectrum;
        this.processTimes = processTimes;
        this.counters = counters;
        this.output = output;
        this.notes = notes;
    }

    void stop() {
        running = false;
    }

    /** The input this loop plays, or null before it started. */
    InputSource playing() {
        return playing;
    }

    @Override
    public void run() {
        AudioSink sink = open();
        try {
            loop(sink);
        } catch (Throwable e) {
            if (running) {
                output.crashed(e);
            }
        } finally {
            sink.close();
        }
    }

    private AudioSink open() {
        try {
            AudioSink sink = opener.open(settings);
            output.opened(sink, null);
            return sink;
        } catch (OutputUnavailableException | RuntimeException e) {
            AudioSink silent = new SilentSink();
            output.opened(silent, e.getMessage() == null ? e.toString() : e.getMessage());
            return silent;
        }
    }

    private void loop(AudioSink opened) {
        AudioSink sink = opened;
        int frames = settings.blockSize();
        float[][] input = new float[AudioSettings.CHANNELS][frames];
        InputSource source = pendingInput.getAndSet(null);
        playing = source;
        BlockSchedule schedule = new BlockSchedule(settings.blockNanos(), counters);
        schedule.restartAt(clock.nanoTime());
        // The swap's own cost is measured in CPU time: wall time would blame it for a busy machine.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        while (running) {
            long began = clock.nanoTime();
            if (sink.pacesItself()) {
                // The device's clock rules: each block is due when the device has taken the last one.
                schedule.restartAt(began);
            }
            if (pendingInput.get() != null) {
                source = pendingInput.getAndSet(null);
                playing = source;
            }
            source.fill(input, frames);
            long block = counters.blocks();
            notes.take();
            boolean swapDue = processors.swapDue();
            long swapCpuStart = swapDue ? cpu.getCurrentThreadCpuTime() : 0;
            long processStart = clock.nanoTime();
            float[][] out = processors.render(input, notes, frames);
            long processNanos = clock.nanoTime() - processStart;
            long swapWork = swapDue ? cpu.getCurrentThreadCpuTime() - swapCpuStart : 0;
            out = compare.render(input, notes, out, frames, processNanos);
            notes.blockDone(out, frames, block);
            if (!running) {
                // Stopped while in process(): a watchdog gave up on this thread, and another plays now.
                return;
            }
            long now = System.currentTimeMillis();
            meters.accept(out, frames, now);
            oscilloscope.accept(out, frames, now);
            spectrum.accept(out, frames, now);
            processTimes.record(processNanos);
            counters.blockDone(processNanos + compare.lastANanos());
            // Produced is what counts: a device's blocking write waits for room, which is not lateness.
            long nextStart = schedule.finished(clock.nanoTime(), processors.swappedThisBlock(), swapWork);
            if (!sink.write(out, frames)) {
                sink = lose(sink);
            }
            if (!sink.pacesItself()) {
                clock.sleepUntil(nextStart);
            }
        }
    }

    /** The device stopped taking audio: carry on silently, so processing and meters go on. */
    private AudioSink lose(AudioSink sink) {
        sink.close();
        AudioSink silent = new SilentSink();
        output.opened(silent, "The " + sink.description() + " stopped accepting audio");
        return silent;
    }
}
