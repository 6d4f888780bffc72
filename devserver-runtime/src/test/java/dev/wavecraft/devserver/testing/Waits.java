package dev.wavecraft.devserver.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How every test waits: Awaitility, bounded, named. Conditions are checked at once and then every
 * {@link #EVERY}, in the test's own thread, so a condition that talks to a server never goes on
 * talking after a timeout. A timeout fails with the condition's name and the last value seen.
 */
public final class Waits {

    /** Often enough for timing assertions, seldom enough for a shared 2-core machine. */
    public static final Duration EVERY = Duration.ofMillis(10);
    /** How many skipped elements a failed {@link #next} lists, and how much of each. */
    private static final int SKIPPED_SHOWN = 20;
    private static final int SKIPPED_CHARS = 200;

    private Waits() {
    }

    /** Awaitility, set up as described above: {@code waitFor("the overlay", WAIT).until(...)}. */
    public static ConditionFactory waitFor(String condition, Duration atMost) {
        return Awaitility.await(condition)
                .atMost(atMost)
                .pollDelay(Duration.ZERO)
                .pollInterval(EVERY)
                .pollInSameThread();
    }

    /**
     * The next element of {@code queue} that {@code wanted} accepts; those before it are taken and
     * dropped. Fails after {@code atMost} naming {@code what} and the first elements it dropped.
     */
    public static <T> T next(BlockingQueue<T> queue, Predicate<? super T> wanted, String what, Duration atMost) {
        Skipped skipped = new Skipped();
        try {
            return waitFor(what, atMost).until(() -> firstWanted(queue, wanted, skipped), found -> found != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("No " + what + " within " + atMost + "; " + skipped, e);
        }
    }

    /** Takes what the queue holds (waiting up to {@link #EVERY} for the first) until an element is wanted. */
    private static <T> T firstWanted(BlockingQueue<T> queue, Predicate<? super T> wanted, Skipped skipped)
            throws InterruptedException {
        for (T item = queue.poll(EVERY.toMillis(), TimeUnit.MILLISECONDS); item != null; item = queue.poll()) {
            if (wanted.test(item)) {
                return item;
            }
            skipped.add(item);
        }
        return null;
    }

    /** What {@link #next} dropped: how many, and the first few for the failure message. */
    private static final class Skipped {

        private final List<String> first = new ArrayList<>();
        private int count;

        void add(Object item) {
            count++;
            if (first.size() < SKIPPED_SHOWN) {
                String text = String.valueOf(item);
                first.add(text.length() <= SKIPPED_CHARS ? text : text.substring(0, SKIPPED_CHARS) + "…");
            }
        }

        @Override
        public String toString() {
            return count == 0 ? "nothing else came" : count + " others came, first " + first;
        }
    }
}
