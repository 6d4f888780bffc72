package dev.wavecraft.devserver.reload;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Retires a generation off the reload path: interrupts the threads its code started (they carry
 * its class loader as their context loader) and names those that survive, because a live thread
 * keeps the whole generation in memory.
 */
final class GenerationRetirer {

    private static final Duration GRACE = Duration.ofSeconds(1);

    private final Consumer<String> warnings;

    GenerationRetirer(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    void retire(Generation old) {
        ClassLoader loader = old.processor().loader();
        List<Thread> started = threadsOf(loader);
        if (started.isEmpty()) {
            return;
        }
        started.forEach(Thread::interrupt);
        Thread checker = new Thread(() -> {
            long deadline = System.nanoTime() + GRACE.toNanos();
            for (Thread thread : started) {
                try {
                    thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            List<String> survivors = started.stream().filter(Thread::isAlive).map(Thread::getName)
                    .collect(Collectors.toList());
            if (!survivors.isEmpty()) {
                warnings.accept("Generation " + old.number() + " left threads running after it was retired: "
                        + String.join(", ", survivors) + ". They keep its classes in memory; stop them when"
                        + " interrupted (check Thread.interrupted() in their loops).");
            }
        }, "wavecraft-retire-" + old.number());
        checker.setDaemon(true);
        checker.start();
    }

    private static List<Thread> threadsOf(ClassLoader loader) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getContextClassLoader() == loader && thread != Thread.currentThread())
                .collect(Collectors.toList());
    }
}
