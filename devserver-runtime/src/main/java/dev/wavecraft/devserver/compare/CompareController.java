package dev.wavecraft.devserver.compare;

import dev.wavecraft.devserver.audio.Comparison;
import dev.wavecraft.devserver.audio.Listening;
import dev.wavecraft.devserver.reload.KeptGenerations;
import dev.wavecraft.devserver.reload.ReloadFailure;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The owner of compare's settings. Switching compare on picks A (the previous good generation by
 * default, the live one when there is none yet) and pins it, so a new save moves only B. A is loaded
 * anew on the {@code wavecraft-compare} thread, never on the thread that asked, and handed to the
 * audio engine once prepared; a change made meanwhile makes that load moot. Every change of a setting,
 * including compare turning itself off, goes to the browsers; why it turned off goes to the log too.
 */
public final class CompareController implements AutoCloseable {

    private final Comparison audio;
    private final KeptGenerations generations;
    private final CompareEvents events;
    private final Consumer<String> warnings;
    private final ExecutorService loads = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "wavecraft-compare");
        thread.setDaemon(true);
        return thread;
    });
    /** The generation A is, or is to be; -1 until compare is first switched on or A is named. */
    private int a = -1;
    /** Counts the loads asked for; only the newest may go on air. */
    private long loadsAsked;
    private String stoppedBecause;

    public CompareController(Comparison audio, KeptGenerations generations, CompareEvents events,
            Consumer<String> warnings) {
        this.audio = audio;
        this.generations = generations;
        this.events = events;
        this.warnings = warnings;
        audio.onStopped(this::stopped);
    }

    public synchronized CompareView view() {
        return new CompareView(audio.enabled(), a >= 0 ? a : defaultA(), generations.live(), audio.listening(),
                audio.matchLoudness(), audio.levels(), stoppedBecause, generations.kept());
    }

    /**
     * Applies {@code change} at once; a new A plays once it is loaded and prepared.
     *
     * @param origin the client that asked, which gets no {@code compareChanged} echo
     * @throws CompareRefused when A would be a generation that is neither live nor kept; nothing changes then
     */
    public CompareView change(CompareChange change, Object origin) throws CompareRefused {
        CompareView before;
        CompareView after;
        synchronized (this) {
            before = view();
            if (change.a().isPresent() && !generations.contains(change.a().get())) {
                throw new CompareRefused("generation " + change.a().get() + " is not kept; compare can use "
                        + generations.live() + " (live)" + (generations.kept().isEmpty() ? ""
                        : " and " + generations.kept()));
            }
            boolean enabled = change.enabled().orElse(before.enabled());
            boolean switchedOn = enabled && !before.enabled();
            int wanted = change.a().orElse(switchedOn && (a < 0 || !generations.contains(a)) ? defaultA() : a);
            audio.set(enabled, change.listening().orElse(before.listening()),
                    change.matchLoudness().orElse(before.matchLoudness()));
            if (switchedOn) {
                stoppedBecause = null;
            }
            if (!enabled) {
                loadsAsked++;
            } else if (switchedOn || wanted != a) {
                load(wanted);
            }
            a = wanted;
            after = view();
        }
        if (after.settingsDiffer(before)) {
            events.compareChanged(after, origin);
        }
        return after;
    }

    /**
     * Sets what the last run's session kept. A is this run's default, as when compare is switched on:
     * the generations the last run kept, and their numbers, are gone with it.
     */
    public CompareView restore(CompareSettings settings) {
        try {
            return change(settings.change(), null);
        } catch (CompareRefused impossible) {
            throw new IllegalStateException("Restored compare settings name no A, yet were refused: " + impossible
                    .getMessage(), impossible);
        }
    }

    @Override
    public void close() {
        loads.shutdownNow();
    }

    private int defaultA() {
        List<Integer> kept = generations.kept();
        return kept.isEmpty() ? generations.live() : kept.get(0);
    }

    /** Under the lock: loads {@code number} on the compare thread and puts it on air if it is still wanted. */
    private void load(int number) {
        long asked = ++loadsAsked;
        loads.execute(() -> {
            try {
                Runnable onAir = generations.load(number, (generation, copy) -> audio.prepare(generation,
                        copy.processor(), copy.layout()));
                synchronized (this) {
                    if (asked == loadsAsked && audio.enabled()) {
                        onAir.run();
                    }
                }
            } catch (ReloadFailure failure) {
                boolean wanted;
                synchronized (this) {
                    wanted = asked == loadsAsked;
                }
                if (wanted) {
                    audio.stop(failure.getMessage() + " Compare is off.");
                }
            }
        });
    }

    /** Compare turned itself off, as {@code reason} says (monitor or compare thread). */
    private void stopped(String reason) {
        CompareView view;
        synchronized (this) {
            loadsAsked++;
            stoppedBecause = reason;
            view = view();
        }
        warnings.accept(reason);
        events.compareChanged(view, null);
    }
}
