package dev.wavecraft.devserver.load;

import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages.Reload;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.reload.BuildReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reloads real compiled classes through the control channel at a fixed rate, as the mojo does
 * after each build, taking the given builds in turn; on its own thread, so that browsers can keep
 * sending meanwhile.
 */
final class Reloader {

    private static final Duration REPLY_WAIT = Duration.ofSeconds(60);

    private final ControlClient control;
    private final List<CompiledProject> builds;
    private final List<Outcome> outcomes = new ArrayList<>();
    private Duration lateness = Duration.ZERO;

    Reloader(ControlClient control, List<CompiledProject> builds) {
        this.control = control;
        this.builds = List.copyOf(builds);
    }

    /** Starts {@code count} reloads, one every {@code period}, the first half a period from now. */
    CompletableFuture<Void> start(int count, Duration period) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Duration late = new Pacer(count, period, period.dividedBy(2))
                        .run(i -> record(reload(builds.get(i % builds.size()))));
                synchronized (this) {
                    lateness = late;
                }
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "load-reloader");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    synchronized List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    synchronized long succeeded() {
        return outcomes.stream().filter(Outcome::ok).count();
    }

    /** Counts, how late the latest reload started, and reload times in the server and over the channel. */
    synchronized String summary() {
        long[] server = outcomes.stream().mapToLong(Outcome::serverMillis).sorted().toArray();
        long[] roundTrip = outcomes.stream().mapToLong(Outcome::roundTripMillis).sorted().toArray();
        String times = server.length == 0 ? "" : "; reload ms in the server min " + server[0] + " / median "
                + server[server.length / 2] + " / max " + server[server.length - 1]
                + ", control round trip max " + roundTrip[roundTrip.length - 1];
        return succeeded() + " of " + outcomes.size() + " succeeded, latest started " + lateness.toMillis()
                + " ms late" + times;
    }

    private synchronized void record(Outcome outcome) {
        outcomes.add(outcome);
    }

    private Outcome reload(CompiledProject build) {
        long start = System.nanoTime();
        try {
            Reloaded reloaded = control.reload(new Reload(0, List.of(build.classes().toString()), List.of(),
                    new BuildReport(List.of("src/main/java/load/Mixer.java"), "change", 0, 0)), REPLY_WAIT);
            return new Outcome(reloaded.ok(), reloaded.reloadMs(), (System.nanoTime() - start) / 1_000_000,
                    reloaded.ok() ? "" : reloaded.stage() + ": " + reloaded.message());
        } catch (Exception e) {
            return new Outcome(false, -1, (System.nanoTime() - start) / 1_000_000, e.toString());
        }
    }

    record Outcome(boolean ok, long serverMillis, long roundTripMillis, String failure) {
    }
}
