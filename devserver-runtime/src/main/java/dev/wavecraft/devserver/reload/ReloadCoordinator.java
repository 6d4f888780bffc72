package dev.wavecraft.devserver.reload;

import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.reload.BuildReport;
import dev.wavecraft.protocol.reload.Diagnostic;
import dev.wavecraft.protocol.reload.LayoutChange;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reload side of the server in one place: takes the build tool's reports, reloads through
 * the {@link GenerationManager}, keeps the status and history, and tells the browsers.
 * All state sits behind this object's lock; reloads themselves are serialised by the manager.
 */
public final class ReloadCoordinator {

    static final int HISTORY_LENGTH = 50;

    /** Reported to a browser's {@code triggerReload} when no build tool is connected. */
    public static final BuildTool NO_BUILD_TOOL = new BuildTool() {
        @Override
        public void requestBuild() {
            throw new IllegalStateException("No build tool is connected: reloads come from the wavecraft:run goal");
        }

        @Override
        public void autoReloadChanged(boolean enabled) {
        }

        @Override
        public void autoReloadPaused(String reason) {
        }
    };

    private final GenerationManager generations;
    private final ReloadEvents events;
    private final Supplier<Map<String, Number>> audioCounters;
    private final Deque<HistoryEntry> history = new ArrayDeque<>();
    private volatile BuildTool buildTool = NO_BUILD_TOOL;

    private ReloadState state = ReloadState.IDLE;
    private boolean autoReload = true;
    private String lastError;
    /** The circuit breaker: why auto-reload is paused after a generation kept crashing, or null. */
    private String pausedBecause;
    private int crashedGeneration;
    private int lastGeneration;
    private int reloads;
    private int failed;
    private int skipped;
    private int builds;
    private long lastReloadMs;
    private long lastTotalMs;

    public ReloadCoordinator(GenerationManager generations, ReloadEvents events) {
        this(generations, events, Map::of);
    }

    /** @param audioCounters the audio engine's counters, recorded with every history entry */
    public ReloadCoordinator(GenerationManager generations, ReloadEvents events,
            Supplier<Map<String, Number>> audioCounters) {
        this.generations = generations;
        this.events = events;
        this.audioCounters = audioCounters;
        this.lastGeneration = generations.live().number();
    }

    public void connect(BuildTool tool) {
        buildTool = tool;
    }

    public void disconnect(BuildTool tool) {
        if (buildTool == tool) {
            buildTool = NO_BUILD_TOOL;
        }
    }

    /** Passes on a change of the user's UI files; no build or reload is involved. */
    public void uiChanged(List<String> files) {
        events.uiChanged(files);
    }

    public void buildStarted(List<String> files, String trigger) {
        synchronized (this) {
            state = ReloadState.BUILDING;
            builds++;
        }
        events.buildStarted(files, trigger);
    }

    public void buildFailed(BuildReport report, List<Diagnostic> diagnostics, String output) {
        String summary = diagnostics.isEmpty() ? "The build failed"
                : diagnostics.get(0).file() + ":" + diagnostics.get(0).line() + ": " + diagnostics.get(0).message();
        synchronized (this) {
            state = ReloadState.FAILED;
            lastError = summary;
            failed++;
            record(new HistoryEntry(generations.live().number(), Instant.now().toString(), HistoryEntry.BUILD_FAILED,
                    report.trigger(), report.files(), report.detectMs(), report.buildMs(), 0, 0,
                    report.detectMs() + report.buildMs(), List.of(), List.of(), summary, audioCounters.get()));
        }
        events.buildFailed(diagnostics, output);
    }

    public synchronized void buildSkipped() {
        skipped++;
    }

    /** Reloads after a successful build; the previous generation stays live when this fails. */
    public Swap reload(ProjectClasspath classpath, BuildReport report) throws ReloadFailure {
        int number;
        synchronized (this) {
            state = ReloadState.RELOADING;
            number = ++lastGeneration;
        }
        try {
            Swap swap = generations.reload(number, classpath);
            resumeAfterCrash(); // before browsers hear of the reload, so the status they ask for agrees
            finish(swap, report, HistoryEntry.RELOADED);
            return swap;
        } catch (ReloadFailure failure) {
            fail(failure, report);
            throw failure;
        }
    }

    public Swap rollback(Optional<Integer> target) throws ReloadFailure {
        synchronized (this) {
            if (pausedBecause != null && target.isPresent() && target.get() == crashedGeneration) {
                throw new ReloadFailure("rollback", "Generation " + crashedGeneration + " kept crashing; fix the"
                        + " code and save instead of bringing it back.", null);
            }
        }
        return rollBackAs(target, "rollback");
    }

    /**
     * The circuit breaker: generation {@code failing} kept crashing, so the code that last ran well
     * ({@code lastGood}, or the previous generation when that is not kept) comes back and
     * auto-reload pauses until the next successful build, which the build tool and browsers hear.
     */
    public Swap crashed(int failing, Optional<Integer> lastGood, String reason) throws ReloadFailure {
        Swap swap;
        try {
            swap = rollBackAs(lastGood, "crashed");
        } catch (ReloadFailure notKept) {
            swap = rollBackAs(Optional.empty(), "crashed");
        }
        String message = "Generation " + failing + " kept crashing (" + reason + "), so the earlier code runs again"
                + " as generation " + swap.generation().number() + ". Auto-reload is paused until the next"
                + " successful build: fix the code and save.";
        synchronized (this) {
            pausedBecause = message;
            crashedGeneration = failing;
            autoReload = false;
        }
        events.reloadFailed("crashed", message, null);
        buildTool.autoReloadPaused(message);
        return swap;
    }

    /** Brings back {@code target} (or the previous generation), recorded in the history under {@code trigger}. */
    private Swap rollBackAs(Optional<Integer> target, String trigger) throws ReloadFailure {
        int number;
        synchronized (this) {
            number = ++lastGeneration;
        }
        Swap swap = generations.rollback(number, target);
        finish(swap, new BuildReport(List.of(), trigger, 0, 0), HistoryEntry.ROLLED_BACK);
        return swap;
    }

    /** A successful build went live: a breaker opened by a crashing generation closes again. */
    private void resumeAfterCrash() {
        synchronized (this) {
            if (pausedBecause == null) {
                return;
            }
            pausedBecause = null;
            autoReload = true;
        }
        buildTool.autoReloadChanged(true);
    }

    public void requestBuild() {
        buildTool.requestBuild();
    }

    public void setAutoReload(boolean enabled) {
        synchronized (this) {
            autoReload = enabled;
            pausedBecause = null;
        }
        buildTool.autoReloadChanged(enabled);
    }

    public synchronized ReloadStatus status() {
        return new ReloadStatus(generations.live().number(), state, autoReload, pausedBecause, lastError,
                new ReloadStatus.Stats(reloads, failed, skipped, builds, lastReloadMs, lastTotalMs));
    }

    /** Newest first. */
    public synchronized List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    private void finish(Swap swap, BuildReport report, String outcome) {
        synchronized (this) {
            // The status a browser asks for on hearing of the reload must already be the new one.
            state = ReloadState.IDLE;
            lastError = null;
        }
        long notifyStart = System.nanoTime();
        long beforeNotify = report.detectMs() + report.buildMs() + swap.reloadMs();
        events.reloaded(swap.generation().number(), swap.change(), beforeNotify);
        long notifyMs = (System.nanoTime() - notifyStart) / 1_000_000;
        LayoutChange change = swap.change();
        synchronized (this) {
            reloads++;
            lastReloadMs = swap.reloadMs();
            lastTotalMs = beforeNotify + notifyMs;
            record(new HistoryEntry(swap.generation().number(), Instant.now().toString(), outcome, report.trigger(),
                    report.files(), report.detectMs(), report.buildMs(), swap.reloadMs(), notifyMs, lastTotalMs,
                    change.added(), change.removed(), swap.warning(), audioCounters.get()));
        }
    }

    private void fail(ReloadFailure failure, BuildReport report) {
        synchronized (this) {
            state = ReloadState.FAILED;
            lastError = failure.getMessage();
            failed++;
            record(new HistoryEntry(generations.live().number(), Instant.now().toString(), HistoryEntry.RELOAD_FAILED,
                    report.trigger(), report.files(), report.detectMs(), report.buildMs(), 0, 0,
                    report.detectMs() + report.buildMs(), List.of(), List.of(), failure.getMessage(),
                    audioCounters.get()));
        }
        events.reloadFailed(failure.stage(), failure.getMessage(), failure.detail());
    }

    private void record(HistoryEntry entry) {
        history.addFirst(entry);
        while (history.size() > HISTORY_LENGTH) {
            history.removeLast();
        }
    }
}
