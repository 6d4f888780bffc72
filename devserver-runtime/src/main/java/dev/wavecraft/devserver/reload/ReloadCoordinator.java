package dev.wavecraft.devserver.reload;

import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.reload.BuildReport;
import dev.wavecraft.protocol.reload.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The reload side of the server in one place: takes the build tool's reports, reloads through the
 * {@link GenerationManager}, keeps the {@link ReloadState} and the counters, records each outcome in
 * the {@code ReloadHistory}, lets the {@code CircuitBreaker} pause auto-reload after a crash, and
 * tells the browsers and the build tool. The state and counters sit behind this object's lock, which
 * is also held while an outcome is recorded, so a status and the history agree; the history and the
 * breaker guard their own state too. Reloads themselves are serialised by the manager.
 */
public final class ReloadCoordinator implements AutoCloseable {

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
    private final ReloadHistory history;
    private final HistoryFile historyFile;
    private final CircuitBreaker breaker = new CircuitBreaker();
    private final ReloadWorker worker = new ReloadWorker();
    private volatile boolean closing;
    private volatile BuildTool buildTool = NO_BUILD_TOOL;

    private ReloadState state = ReloadState.IDLE;
    private String lastError;
    private int lastGeneration;
    private int reloads;
    private int failed;
    private int skipped;
    private int builds;
    private long lastReloadMs;
    private long lastTotalMs;

    public ReloadCoordinator(GenerationManager generations, ReloadEvents events) {
        this(generations, events, Map::of, new HistoryFile(Optional.empty(), warning -> { }), List.of());
    }

    /**
     * @param audioCounters the audio engine's counters, recorded with every history entry
     * @param historyFile where the history and the last generation number are kept for a restart
     * @param earlier the history an earlier server of the run left, newest first
     */
    public ReloadCoordinator(GenerationManager generations, ReloadEvents events,
            Supplier<Map<String, Number>> audioCounters, HistoryFile historyFile, List<HistoryEntry> earlier) {
        this.generations = generations;
        this.events = events;
        this.history = new ReloadHistory(ReloadHistory.CAPACITY, audioCounters, earlier);
        this.historyFile = historyFile;
        this.lastGeneration = generations.live().number();
        historyFile.write(lastGeneration, earlier);
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
        failed(HistoryEntry.BUILD_FAILED, report, summary);
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
            closeBreaker(); // before browsers hear of the reload, so the status they ask for agrees
            finish(swap, report, HistoryEntry.RELOADED);
            return swap;
        } catch (ReloadFailure failure) {
            throw reloadFailed(report, failure);
        } catch (RuntimeException | Error unexpected) {
            // Whatever broke, the state must not stay "reloading": the next save reloads as usual.
            throw reloadFailed(report, new ReloadFailure("load", "The reload failed unexpectedly: " + unexpected,
                    null));
        }
    }

    /** {@link #reload} on the reload thread: the caller hears of the outcome when the future completes. */
    public CompletableFuture<Swap> reloadLater(ProjectClasspath classpath, BuildReport report) {
        return worker.submit(() -> reload(classpath, report));
    }

    /**
     * {@link #rollback} on the reload thread, after a reload or rollback under way (whose calls into
     * the project's code are bounded, so the answer comes within their time limits). A rollback to
     * nothing is refused at once.
     */
    public CompletableFuture<Swap> rollbackLater(Optional<Integer> target) {
        try {
            breaker.checkRollback(target);
            generations.checkKept(target);
        } catch (ReloadFailure refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return worker.submit(() -> rollback(target));
    }

    public Swap rollback(Optional<Integer> target) throws ReloadFailure {
        breaker.checkRollback(target);
        return rollBackAs(target, "rollback");
    }

    /**
     * Generation {@code failing} kept crashing or hung, so the code that last ran well
     * ({@code lastGood}, or the previous generation when that is not kept) comes back and the
     * circuit breaker opens: auto-reload pauses until the next successful build, which the build tool
     * and browsers hear. It runs on the reload thread after any reload under way; when newer code
     * went live meanwhile (a save that fixed it), nothing is rolled back and the result is empty.
     */
    public Optional<Swap> crashed(int failing, Optional<Integer> lastGood, String reason) throws ReloadFailure {
        try {
            return worker.submit(() -> generations.live().number() == failing
                    ? Optional.of(rollBackCrashed(failing, lastGood, reason)) : Optional.<Swap>empty()).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ReloadFailure failure) {
                throw failure;
            }
            throw new ReloadFailure("rollback", "Rolling back failed unexpectedly: " + e.getCause(), null);
        }
    }

    private Swap rollBackCrashed(int failing, Optional<Integer> lastGood, String reason) throws ReloadFailure {
        Swap swap;
        try {
            swap = rollBackAs(lastGood, "crashed");
        } catch (ReloadFailure notKept) {
            swap = rollBackAs(Optional.empty(), "crashed");
        }
        String message = breaker.trip(failing, swap.generation().number(), reason);
        events.reloadFailed("crashed", message, null);
        buildTool.autoReloadPaused(message);
        return swap;
    }

    public void requestBuild() {
        buildTool.requestBuild();
    }

    public void setAutoReload(boolean enabled) {
        breaker.setAutoReload(enabled);
        buildTool.autoReloadChanged(enabled);
    }

    public synchronized ReloadStatus status() {
        CircuitBreaker.Position autoReload = breaker.position();
        return new ReloadStatus(generations.live().number(), state, autoReload.autoReload(),
                autoReload.pausedBecause(), lastError,
                new ReloadStatus.Stats(reloads, failed, skipped, builds, lastReloadMs, lastTotalMs));
    }

    @Override
    public void close() {
        closing = true;
        worker.close();
    }

    /**
     * Whether the server is going away: a reload that ends now was cut short by that (its thread
     * interrupted), and the build tool hears of it as the server's exit rather than as a failed reload.
     */
    public boolean closing() {
        return closing;
    }

    /** Newest first. */
    public List<HistoryEntry> history() {
        return history.entries();
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
    private void closeBreaker() {
        if (breaker.closeAfterGoodBuild()) {
            buildTool.autoReloadChanged(true);
        }
    }

    private void finish(Swap swap, BuildReport report, String outcome) {
        synchronized (this) {
            // The status a browser asks for on hearing of the reload must already be the new one.
            state = ReloadState.IDLE;
            lastError = null;
        }
        long notifyStart = System.nanoTime();
        long beforeNotify = report.detectMs() + report.buildMs() + swap.reloadMs();
        events.reloaded(swap.generation().number(), swap.change(), swap.stageChange(), beforeNotify);
        long notifyMs = (System.nanoTime() - notifyStart) / 1_000_000;
        long totalMs = beforeNotify + notifyMs;
        synchronized (this) {
            reloads++;
            lastReloadMs = swap.reloadMs();
            lastTotalMs = totalMs;
            history.swapped(swap, outcome, report, notifyMs, totalMs);
            historyFile.write(lastGeneration, history.entries());
        }
    }

    private ReloadFailure reloadFailed(BuildReport report, ReloadFailure failure) {
        failed(HistoryEntry.RELOAD_FAILED, report, failure.getMessage());
        events.reloadFailed(failure.stage(), failure.getMessage(), failure.detail());
        return failure;
    }

    /** A build or reload failed: the live generation stays, and the status says why. */
    private void failed(String outcome, BuildReport report, String error) {
        synchronized (this) {
            state = ReloadState.FAILED;
            lastError = error;
            failed++;
            history.failed(generations.live().number(), outcome, report, error);
            historyFile.write(lastGeneration, history.entries());
        }
    }
}
