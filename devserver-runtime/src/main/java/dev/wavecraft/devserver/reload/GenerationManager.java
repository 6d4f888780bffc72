package dev.wavecraft.devserver.reload;

import dev.wavecraft.api.Processor;
import dev.wavecraft.devserver.chain.ChainStages;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.ClassSnapshot;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoadException;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.processor.StuckUserCode;
import dev.wavecraft.devserver.processor.UserCodeCall;
import dev.wavecraft.devserver.reload.retire.GlobalRegistrations;
import dev.wavecraft.devserver.reload.retire.LoggingUndo;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.reload.LayoutChange;
import dev.wavecraft.protocol.reload.StageChange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The owner of the live generation. A reload snapshots the classes, loads and validates the new
 * processor while the old one keeps running, then swaps atomically; any failure leaves the old
 * one live. The last few good generations are kept (as snapshots, not loaders) for rollback.
 * Reading the classes is retried with a backoff, as a compile may still be writing them.
 */
public final class GenerationManager {

    static final int KEPT_FOR_ROLLBACK = 3;

    private final ProcessorLoader loader;
    private final UserCodeCall userCode;
    private final ParameterHost parameters;
    private final GenerationRetirer retirer;
    private final GlobalRegistrations globals;
    private final Consumer<String> warnings;
    private final ProcessorSwapListener swapListener;
    private final Backoff snapshotBackoff;
    private final AtomicReference<Generation> live;
    private final Deque<RollbackPoint> previous = new ArrayDeque<>();
    /** The numbers of {@link #previous}, newest first, readable without waiting on a reload. */
    private volatile List<Integer> kept = List.of();

    public GenerationManager(ProcessorLoader loader, ParameterHost parameters, Generation first,
            Consumer<String> warnings) {
        this(loader, parameters, first, warnings, ProcessorSwapListener.NONE);
    }

    /**
     * Logging levels and handlers that {@code first} set are kept for good; capture the
     * {@link GlobalRegistrations} before it loads to have them taken back too.
     */
    public GenerationManager(ProcessorLoader loader, ParameterHost parameters, Generation first,
            Consumer<String> warnings, ProcessorSwapListener swapListener) {
        this(loader, parameters, first, warnings, swapListener, GlobalRegistrations.capture(warnings));
    }

    /**
     * @param swapListener hears about every generation that goes live (the audio engine)
     * @param globals captured before the first generation's code ran
     */
    public GenerationManager(ProcessorLoader loader, ParameterHost parameters, Generation first,
            Consumer<String> warnings, ProcessorSwapListener swapListener, GlobalRegistrations globals) {
        this(loader, parameters, first, warnings, swapListener, globals, Backoff.SNAPSHOT);
    }

    GenerationManager(ProcessorLoader loader, ParameterHost parameters, Generation first,
            Consumer<String> warnings, ProcessorSwapListener swapListener, GlobalRegistrations globals,
            Backoff snapshotBackoff) {
        this.loader = loader;
        this.userCode = loader.userCode();
        this.parameters = parameters;
        this.warnings = warnings;
        this.swapListener = swapListener;
        this.globals = globals;
        this.snapshotBackoff = snapshotBackoff;
        this.retirer = new GenerationRetirer(globals, warnings);
        this.live = new AtomicReference<>(first);
    }

    public Generation live() {
        return live.get();
    }

    /** Loads generation {@code number} from the classes directories now on disk and swaps it in. */
    public synchronized Swap reload(int number, ProjectClasspath classpath) throws ReloadFailure {
        long start = System.nanoTime();
        ClassSnapshot snapshot = readSnapshot(classpath.classesDirectories());
        return load(number, snapshot, classpath.dependencies(), "load", start);
    }

    /** Brings back the previous good generation, or the one named, as a new live generation. */
    public synchronized Swap rollback(int number, Optional<Integer> target) throws ReloadFailure {
        long start = System.nanoTime();
        checkKept(target);
        RollbackPoint chosen = target
                .map(wanted -> previous.stream().filter(point -> point.number() == wanted).findFirst()
                        .orElse(null))
                .orElse(previous.peekFirst());
        return load(number, chosen.snapshot(), chosen.dependencies(), "rollback", start);
    }

    /** Fails, without waiting on a reload under way, when {@link #rollback} would find nothing to bring back. */
    public void checkKept(Optional<Integer> target) throws ReloadFailure {
        List<Integer> candidates = kept;
        if (target.isPresent() ? !candidates.contains(target.get()) : candidates.isEmpty()) {
            throw new ReloadFailure("rollback", target.map(wanted -> "Generation " + wanted
                    + " is not kept; these are: " + candidates).orElse("There is no earlier generation"
                    + " to roll back to yet."), null);
        }
    }

    /** Generation numbers that {@link #rollback} can bring back, newest first. */
    public List<Integer> rollbackCandidates() {
        return kept;
    }

    /** What generation {@code number} is made of, when it is live or kept; waits for a reload under way. */
    synchronized Optional<RollbackPoint> pointOf(int number) {
        Generation current = live.get();
        if (current.number() == number) {
            return Optional.of(RollbackPoint.of(current));
        }
        return previous.stream().filter(point -> point.number() == number).findFirst();
    }

    private ClassSnapshot readSnapshot(List<Path> directories) throws ReloadFailure {
        String classes = directories.stream().map(Path::toString).collect(Collectors.joining(", "));
        try {
            return snapshotBackoff.run(() -> ClassSnapshot.read(directories), (attempt, failure, delay) ->
                    warnings.accept("Reading " + classes + " failed (try " + attempt + " of " + snapshotBackoff.tries()
                            + ": " + failure + "); trying again in " + delay.toMillis() + " ms."));
        } catch (IOException e) {
            throw new ReloadFailure("snapshot", "Could not read " + classes + " after " + snapshotBackoff.tries()
                    + " tries: " + e + ". Check that the directories and their files are readable, then save again.",
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReloadFailure("snapshot", "Interrupted while waiting to read " + classes + " again.", null);
        }
    }

    /**
     * Loads a generation with the live one's logging setup taken back, prepares it and swaps it in.
     * Each call into its code runs as a {@link UserCodeCall}; any failure, or a call that does not
     * return, leaves the live generation as it was.
     */
    private Swap load(int number, ClassSnapshot snapshot, List<Path> dependencies, String stage, long start)
            throws ReloadFailure {
        LoggingUndo logging = globals.undoProjectLogging();
        try {
            LoadedProcessor next = loader.load(snapshot, dependencies, number);
            Generation old = live.get();
            BooleanSupplier goLive = callUserCode(number, next, "prepare", "Preparing generation " + number + " of "
                    + next.className() + " (its prepare(), the warm-up's process() or reset())",
                    () -> swapListener.prepare(number, next));
            String warning = callUserCode(number, next, "state-hand-over", "Handing the state of generation "
                    + old.number() + " over to generation " + number + " (saveState() and restoreState())",
                    () -> handOverState(old.processor().processor(), next.processor()));
            return swapIn(old, new Generation(number, next, Instant.now()), goLive, warning, logging, start);
        } catch (ProcessorLoadException e) {
            logging.reapply();
            releaseUnusedDependencies();
            throw new ReloadFailure(stage, FailureText.of(e), e.getCause() == null ? null : stackTrace(e.getCause()));
        } catch (ReloadFailure | RuntimeException | Error e) {
            logging.reapply();
            releaseUnusedDependencies();
            throw e;
        }
    }

    /** Runs {@code call} on a thread of the generation's own; a stuck or failed call fails the reload. */
    private <T> T callUserCode(int number, LoadedProcessor next, String step, String what, Callable<T> call)
            throws ReloadFailure {
        try {
            return userCode.run(what, "wavecraft-generation-" + number + "-" + step, next.loader(), call);
        } catch (StuckUserCode stuck) {
            throw new ReloadFailure("prepare", stuck.getMessage() + " The previous generation stays live. Fix that"
                    + " code and save again, or raise the limit with -Dwavecraft.processorTimeout=<seconds>.", null);
        } catch (ExecutionException e) {
            throw new ReloadFailure("prepare", what + " failed: " + e.getCause()
                    + ". The previous generation stays live.", stackTrace(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReloadFailure("prepare", "Interrupted while " + what.toLowerCase(java.util.Locale.ROOT), null);
        }
    }

    private Swap swapIn(Generation old, Generation generation, BooleanSupplier goLive, String warning,
            LoggingUndo logging, long start) {
        LayoutChange change = parameters.adopt(generation.processor().layout());
        StageChange stages = ChainStages.of(old.processor()).changeTo(ChainStages.of(generation.processor()));
        live.set(generation);
        boolean heard = goLive.getAsBoolean();
        previous.addFirst(RollbackPoint.of(old));
        while (previous.size() > KEPT_FOR_ROLLBACK) {
            previous.removeLast();
        }
        kept = previous.stream().map(RollbackPoint::number).collect(Collectors.toList());
        retirer.retire(old, generation, logging);
        releaseUnusedDependencies();
        return new Swap(generation, change, (System.nanoTime() - start) / 1_000_000, warning, heard, stages);
    }

    /** Hands plain-data state across; a failure is reported and the new generation starts fresh. */
    private static String handOverState(Processor old, Processor next) {
        try {
            Map<String, Object> state = old.saveState();
            if (state == null || state.isEmpty()) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = (Map<String, Object>) PlainData.copy(state);
            next.restoreState(copy);
            return null;
        } catch (RuntimeException e) {
            return "The state hand-over failed (" + e + "); the new generation starts with fresh state.";
        }
    }

    private void releaseUnusedDependencies() {
        try {
            loader.releaseUnusedDependencies(live.get().processor());
        } catch (IOException e) {
            warnings.accept("Closing an unused dependency class loader failed: " + e);
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
