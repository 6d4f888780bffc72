package dev.wavecraft.devserver.testing;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Tells whether class loaders that should be garbage were collected. It holds them weakly, then
 * runs the collector every few milliseconds, bounded in time, until at most the allowed number are
 * still reachable; whatever is left then is a leak.
 */
public final class LoaderLeakDetector {

    /** How long {@link #collect} keeps collecting before it reports what is left. */
    public static final Duration BOUND = Duration.ofSeconds(5);

    private final List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** Watches a loader that should become garbage; the detector does not keep it alive. */
    public void track(ClassLoader loader) {
        loaders.add(new WeakReference<>(loader));
        names.add(String.valueOf(loader.getName()));
    }

    /** Collects garbage until at most {@code allowed} tracked loaders are alive, or {@link #BOUND} passed. */
    public Result collect(int allowed) {
        long start = System.nanoTime();
        AtomicInteger collections = new AtomicInteger();
        try {
            Waits.waitFor("at most " + allowed + " of " + loaders.size() + " loaders alive", BOUND)
                    .until(() -> {
                        System.gc();
                        collections.incrementAndGet();
                        return alive();
                    }, alive -> alive.size() <= allowed);
        } catch (ConditionTimeoutException leaked) {
            // What is still alive now is the finding; the caller asserts on it.
        }
        return new Result(loaders.size(), alive(), collections.get(), (System.nanoTime() - start) / 1_000_000);
    }

    private List<String> alive() {
        List<String> alive = new ArrayList<>();
        for (int i = 0; i < loaders.size(); i++) {
            if (loaders.get(i).get() != null) {
                alive.add(names.get(i));
            }
        }
        return alive;
    }

    /** What a {@link #collect} found: how many loaders it watched and which of them are still reachable. */
    public record Result(int tracked, List<String> aliveNames, int collections, long millis) {

        public int alive() {
            return aliveNames.size();
        }

        @Override
        public String toString() {
            return alive() + " of " + tracked + " loaders alive after " + collections + " collections in " + millis
                    + " ms" + (aliveNames.isEmpty() ? "" : ": " + String.join(", ", aliveNames));
        }
    }
}
