package dev.wavecraft.devserver.audio;

import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.Processor;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.CallWatch;
import dev.wavecraft.protocol.options.AudioSettings;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The engine's side of A/B compare: what is to be heard ({@link #set}), generation A prepared off
 * the audio thread and handed to it ({@link #prepare}), and the readings ({@link #levels}). The
 * audio thread's {@link CompareStage} does the work. The monitor thread {@link #check}s the cost:
 * when the two {@code process} calls together would miss deadlines, or A keeps failing, compare
 * turns itself off and its listeners hear why.
 */
public final class Comparison {

    /** A and B together may use this share of the block period, averaged over a second. */
    static final double MAX_LOAD = 0.8;
    static final int FAILURES_BEFORE_STOP = 8;
    private static final long LOAD_WINDOW_MS = 1000;

    private final AudioSettings settings;
    private final ParameterHost parameters;
    private final int warmUpBlocks;
    private final int fadeFrames;
    private final AtomicReference<CompareMode> mode = new AtomicReference<>(CompareMode.OFF);
    private final AtomicReference<ProcessorRunner> pendingA = new AtomicReference<>();
    private final List<Consumer<String>> stopListeners = new CopyOnWriteArrayList<>();
    private volatile CompareStage stage;
    // The monitor thread's own, for check().
    private long loadSince = -1;
    private double loadA;
    private double loadB;
    private int loadWindows;
    private long lastWindow = -1;

    Comparison(AudioSettings settings, ParameterHost parameters, int warmUpBlocks, int fadeFrames) {
        this.settings = settings;
        this.parameters = parameters;
        this.warmUpBlocks = warmUpBlocks;
        this.fadeFrames = fadeFrames;
    }

    /**
     * A stage for a new audio thread; the readings come from it from now on. A thread that replaces
     * one stuck in {@code process()} starts with compare off: its A stayed with the stuck thread.
     */
    CompareStage newStage(RetiredRunners retired, CallWatch watch, AudioClock clock) {
        if (stage != null) {
            stop("A process() call hung and a fresh audio thread took over, so compare is off.");
        }
        CompareStage fresh = new CompareStage(settings, fadeFrames, mode, pendingA, retired, watch, clock);
        stage = fresh;
        return fresh;
    }

    /**
     * Prepares A off the audio thread ({@code prepare}, warm-up, {@code reset}), fed the live
     * values by id, and returns the step that hands it to the audio thread, which fades it in at a
     * block boundary (replacing the A before it, if any). Call it through the bounded user-code path.
     */
    public Runnable prepare(int generation, Processor processor, ParameterLayout layout) {
        ProcessorRunner runner = ProcessorRunner.prepare(generation, processor, ParameterFeed.byId(parameters, layout),
                settings, warmUpBlocks);
        return () -> pendingA.set(runner);
    }

    /** Switches compare on or off, what is heard and match loudness; applied at the next block boundary. */
    public void set(boolean enabled, Listening listening, boolean matchLoudness) {
        mode.set(new CompareMode(enabled, listening, matchLoudness));
        if (!enabled) {
            // An A that was never heard is simply dropped, here, off the audio thread.
            pendingA.set(null);
        }
    }

    public boolean enabled() {
        return mode.get().enabled();
    }

    public Listening listening() {
        return mode.get().listening();
    }

    public boolean matchLoudness() {
        return mode.get().matchLoudness();
    }

    /** The latest readings; B alone (A at -1) while no A runs. */
    public CompareLevels levels() {
        CompareStage current = stage;
        CompareLevels levels = current == null ? null : current.levels();
        return levels == null ? CompareLevels.none(System.currentTimeMillis()) : levels;
    }

    /** What the audio thread keeps of A while compare is on, for the spectrum and the CPU figures; else null. */
    GenerationATap aTap() {
        CompareStage current = stage;
        return current == null || !enabled() ? null : current.aTap();
    }

    /** A's {@code process} times while compare runs an A, else null. */
    CpuLoad aLoad() {
        GenerationATap tap = aTap();
        return tap == null ? null : tap.load();
    }

    /** {@code listener} hears why compare turned itself off, on the thread that turned it off. */
    public void onStopped(Consumer<String> listener) {
        stopListeners.add(listener);
    }

    /** Turns compare off and tells the listeners why (a reason a user reads). */
    public void stop(String reason) {
        CompareMode current;
        do {
            current = mode.get();
            if (!current.enabled()) {
                return;
            }
        } while (!mode.compareAndSet(current, new CompareMode(false, current.listening(), current.matchLoudness())));
        pendingA.set(null);
        stopListeners.forEach(listener -> listener.accept(reason));
    }

    /** Monitor thread: turns compare off when it costs too much or A keeps failing. */
    void check(long nowMs) {
        CompareStage current = stage;
        if (current == null || !enabled()) {
            loadSince = -1;
            return;
        }
        if (current.aFailuresInRow() >= FAILURES_BEFORE_STOP) {
            stop("process() of generation A failed " + current.aFailuresInRow() + " blocks in a row ("
                    + AudioStatusTracker.describe(current.aLastFailure()) + "), so compare is off. Pick another"
                    + " generation as A, or compare once that code is fixed.");
            return;
        }
        CompareLevels levels = current.levels();
        if (levels == null || !levels.aRunning() || levels.timestamp() == lastWindow) {
            return;
        }
        lastWindow = levels.timestamp();
        if (loadSince < 0) {
            loadSince = nowMs;
            loadA = 0;
            loadB = 0;
            loadWindows = 0;
        }
        loadA += levels.cpuA();
        loadB += levels.cpuB();
        loadWindows++;
        if (nowMs - loadSince < LOAD_WINDOW_MS) {
            return;
        }
        double cpuA = loadA / loadWindows;
        double cpuB = loadB / loadWindows;
        double load = cpuA + cpuB;
        loadSince = -1;
        if (load > MAX_LOAD) {
            stop(String.format(Locale.ROOT, "Compare runs process() twice per block: A and B together took %.0f%% of"
                    + " the block period over the last second (A %.0f%%, B %.0f%%), more than the %.0f%% that keeps"
                    + " blocks on time, so compare is off. Longer blocks (-Dwavecraft.blockSize=%d) leave more room.",
                    load * 100, cpuA * 100, cpuB * 100, MAX_LOAD * 100,
                    Math.min(AudioSettings.MAX_BLOCK_SIZE, settings.blockSize() * 2)));
        }
    }
}
