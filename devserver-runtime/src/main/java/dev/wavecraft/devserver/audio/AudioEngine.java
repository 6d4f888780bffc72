package dev.wavecraft.devserver.audio;

import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.Processor;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.CallWatch;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The dev server's audio: the processor runs on the {@code wavecraft-audio} thread, fed by an
 * {@link InputSource} and written to an {@link AudioSink}; meters and oscilloscope frames are
 * published without locks; new generations are warmed up off the audio thread and crossfaded in at
 * a block boundary. This class wires the parts and is what the rest of the server talks to.
 * It is built before it plays ({@link Builder#build}, then {@link #start}), so what it calls to roll
 * back a failing processor can itself be built on the engine.
 */
public final class AudioEngine implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final AudioSettings settings;
    private final ParameterHost parameters;
    private final int warmUpBlocks;
    private final int fadeFrames;
    private final AudioClock clock;
    private final OutputOpener opener;
    private final AudioEvents events;
    private final AtomicReference<InputSource> pendingInput = new AtomicReference<>();
    private final NoteInbox notes = new NoteInbox(NoteInbox.DEFAULT_CAPACITY);
    private final AudioCounters counters = new AudioCounters();
    private final ProcessorHealth health = new ProcessorHealth();
    private final OutputState output = new OutputState();
    private final RetiredRunners retired = new RetiredRunners();
    private final MeterTap meters;
    private final OscilloscopeTap oscilloscope;
    private final Comparison comparison;
    private final SpectrumTap spectrum;
    private final ProcessTimes processTimes;
    private final AudioStatusTracker tracker;
    private final AudioMonitor monitor;
    /** Replaced by the watchdog when a process() call hangs. */
    private final PlayingThread audio;
    /** Made by {@link #start}, with the rollback it runs with; null before. */
    private Thread monitorThread;
    private volatile InputSpec input;

    private AudioEngine(Builder setup) {
        this.settings = setup.settings;
        this.parameters = setup.parameters;
        this.warmUpBlocks = setup.warmUpBlocks;
        this.fadeFrames = settings.frames(setup.fadeMillis);
        this.clock = setup.clock;
        this.opener = setup.opener;
        this.events = setup.events;
        this.meters = new MeterTap(settings);
        this.oscilloscope = new OscilloscopeTap(settings);
        this.comparison = new Comparison(settings, parameters, warmUpBlocks, fadeFrames);
        this.spectrum = new SpectrumTap(settings, comparison);
        this.processTimes = new ProcessTimes(settings);
        this.tracker = new AudioStatusTracker(settings, output, health, processTimes, comparison::aLoad,
                setup.failuresBeforeRollback, System.currentTimeMillis(), counters.snapshot());
        Duration bound = AudioWatchdog.bound(settings);
        // A generation not taken up within the watchdog's bound waits on a thread stuck in process().
        this.audio = new PlayingThread(this::newAudioThread, pendingInput, health, bound);
        this.monitor = new AudioMonitor(tracker, counters, health, retired, meters, comparison, events,
                new AudioWatchdog(bound, audio), setup.warnings, setup.failuresBeforeRollback, setup.meterPushHz);
        this.input = setup.input;
    }

    private AudioThread newAudioThread() {
        CallWatch watch = new CallWatch();
        ProcessorSwitch processors = new ProcessorSwitch(settings, fadeFrames, retired, counters, health, watch,
                meters);
        // A fresh thread that takes over from a stuck one starts with no notes held: they stayed with it.
        LiveNotes live = new LiveNotes(notes);
        return new AudioThread(processors, watch, new AudioLoop(settings, clock, opener, pendingInput, processors,
                comparison.newStage(retired, watch, clock), meters, oscilloscope, spectrum, processTimes, counters,
                output, live), live);
    }

    public static Builder builder(AudioSettings settings, ParameterHost parameters) {
        return new Builder(settings, parameters);
    }

    /**
     * Prepares a generation's processor off the audio thread ({@code prepare}, warm-up, {@code reset})
     * and returns the step that puts it on air: it is swapped in at the next block boundary with a
     * crossfade, and the step waits until the audio thread has taken it up, at most the watchdog's
     * bound (four block periods, at least 200 ms), answering whether it did: a thread stuck in
     * {@code process()} takes nothing up. Call this before handing state over to it, since the
     * warm-up ends in {@code reset()}.
     */
    public BooleanSupplier prepare(int generation, Processor processor, ParameterLayout layout) {
        ProcessorRunner runner = runner(generation, processor, layout);
        return () -> audio.offerAndAwaitHeard(runner);
    }

    /** Prepares a processor and puts it on air without waiting to hear it. */
    public void swapIn(int generation, Processor processor, ParameterLayout layout) {
        audio.offer(runner(generation, processor, layout));
    }

    private ProcessorRunner runner(int generation, Processor processor, ParameterLayout layout) {
        // A runner replaced before it was heard is simply dropped, off the audio thread.
        return ProcessorRunner.prepare(generation, processor, layout, parameters, settings, warmUpBlocks);
    }

    /** A/B compare: a second generation beside the live one. */
    public Comparison compare() {
        return comparison;
    }

    /** Where live note events go on their way to the audio thread (noteOn, noteOff, midiMessage). */
    public NoteInbox notes() {
        return notes;
    }

    /** How many note events came and went, and how the last block that took some sounded. */
    public NoteCounts noteCounts() {
        return audio.current().notes().counts(notes);
    }

    public InputSpec input() {
        return input;
    }

    /**
     * Switches the input at the next block boundary. A WAV file is read here, not on the audio thread.
     *
     * @param origin the client that asked, which gets no {@code inputSourceChanged} echo
     * @throws IOException when a WAV file cannot be used, saying why
     */
    public synchronized void setInput(InputSpec spec, Object origin) throws IOException {
        pendingInput.set(InputSources.open(spec, settings));
        input = spec;
        events.inputSourceChanged(spec, origin);
    }

    public Optional<MeterFrame> meterFrame() {
        return Optional.ofNullable(meters.latest());
    }

    public Optional<OscilloscopeFrame> oscilloscopeFrame() {
        return Optional.ofNullable(oscilloscope.latest());
    }

    /** The spectrum of the latest {@code size} samples heard, computed here; empty before that many played. */
    public Optional<SpectrumFrame> spectrumFrame(int size) {
        return Optional.ofNullable(spectrum.latest(size));
    }

    public AudioStatus status() {
        return tracker.current(counters.snapshot());
    }

    public AudioCounts counters() {
        return counters.snapshot();
    }

    public AudioSettings settings() {
        return settings;
    }

    /** Waits (bounded) until the monitor reports the engine past initializing; false on timeout or a crash. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status().phase() == AudioPhase.INITIALIZING) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return output.crash() == null;
    }

    /**
     * Prepares the first processor and starts the audio and monitor threads.
     *
     * @param rollback what the monitor asks for earlier code when a generation keeps failing
     * @throws IOException when the input is a WAV file that cannot be used
     */
    public synchronized AudioEngine start(int generation, Processor processor, ParameterLayout layout,
            Rollback rollback) throws IOException {
        if (monitorThread != null) {
            throw new IllegalStateException("The audio engine is already started");
        }
        pendingInput.set(InputSources.open(input, settings));
        swapIn(generation, processor, layout);
        monitorThread = new Thread(() -> monitor.run(rollback), "wavecraft-audio-monitor");
        monitorThread.setDaemon(true);
        audio.start();
        monitorThread.start();
        return this;
    }

    /** Stops the threads; an engine that never started has none to stop. */
    @Override
    public synchronized void close() {
        // The monitor first, so its watchdog replaces no audio thread while this one is stopped.
        monitor.stop();
        try {
            if (monitorThread != null) {
                monitorThread.interrupt();
                monitorThread.join(STOP_WAIT.toMillis());
            }
            AudioThread playing = audio.current();
            playing.stop();
            playing.join(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How to build an engine; every part has a default fit for the dev server. */
    public static final class Builder {

        private final AudioSettings settings;
        private final ParameterHost parameters;
        private InputSpec input = InputSpec.defaultTone();
        private OutputOpener opener = OutputOpener.defaultDevice();
        private AudioClock clock = AudioClock.system();
        private AudioEvents events = AudioEvents.NONE;
        private Consumer<String> warnings = warning -> { };
        private int meterPushHz;
        private int warmUpBlocks = 300;
        private double fadeMillis = 10;
        private int failuresBeforeRollback = 8;

        private Builder(AudioSettings settings, ParameterHost parameters) {
            this.settings = settings;
            this.parameters = parameters;
        }

        public Builder input(InputSpec input) {
            this.input = input;
            return this;
        }

        public Builder output(OutputOpener opener) {
            this.opener = opener;
            return this;
        }

        public Builder clock(AudioClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder events(AudioEvents events) {
            this.events = events;
            return this;
        }

        public Builder warnings(Consumer<String> warnings) {
            this.warnings = warnings;
            return this;
        }

        public Builder meterPushHz(int meterPushHz) {
            this.meterPushHz = meterPushHz;
            return this;
        }

        public Builder warmUpBlocks(int warmUpBlocks) {
            this.warmUpBlocks = warmUpBlocks;
            return this;
        }

        /** The crossfade between generations, 5 to 20 ms. */
        public Builder fadeMillis(double fadeMillis) {
            if (fadeMillis < 5 || fadeMillis > 20) {
                throw new IllegalArgumentException("The crossfade must last 5 to 20 ms, not " + fadeMillis);
            }
            this.fadeMillis = fadeMillis;
            return this;
        }

        public Builder failuresBeforeRollback(int failures) {
            this.failuresBeforeRollback = failures;
            return this;
        }

        /** The engine, not yet playing: it prepares processors and reports counters before {@link AudioEngine#start}. */
        public AudioEngine build() {
            return new AudioEngine(this);
        }

        /**
         * Builds and starts an engine that cannot roll back ({@link Rollback#NONE}): a processor that
         * keeps failing stays muted until it is replaced.
         *
         * @throws IOException when the input is a WAV file that cannot be used
         */
        public AudioEngine start(int generation, Processor processor, ParameterLayout layout) throws IOException {
            return build().start(generation, processor, layout, Rollback.NONE);
        }
    }
}
