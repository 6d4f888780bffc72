package dev.wavecraft.devserver.reload;

import dev.wavecraft.devserver.reload.retire.GlobalRegistrations;
import dev.wavecraft.devserver.reload.retire.LoggingUndo;
import dev.wavecraft.devserver.reload.retire.RetiredLoaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Retires a generation off the reload path: takes back what its code registered JVM-wide, then
 * interrupts the threads its code started (they carry its class loader as their context loader)
 * and names those that survive, because either keeps the whole generation in memory.
 */
final class GenerationRetirer {

    private static final Duration GRACE = Duration.ofSeconds(1);

    private final GlobalRegistrations globals;
    private final Consumer<String> warnings;

    GenerationRetirer(GlobalRegistrations globals, Consumer<String> warnings) {
        this.globals = globals;
        this.warnings = warnings;
    }

    /** @param logging the old generation's logging setup, taken back before {@code successor} loaded */
    void retire(Generation old, Generation successor, LoggingUndo logging) {
        RetiredLoaders retired = retiredLoaders(old, successor);
        List<String> removed = new ArrayList<>(logging.finish());
        removed.addAll(globals.release(retired));
        if (!removed.isEmpty()) {
            warnings.accept("Generation " + old.number() + " retired; took back what its code had registered"
                    + " JVM-wide: " + String.join(", ", removed) + ".");
        }
        stopThreads(old.number(), retired);
    }

    /** The generation's loader, and its dependency jars' loader unless the successor still uses it. */
    private static RetiredLoaders retiredLoaders(Generation old, Generation successor) {
        ClassLoader dependencies = old.processor().loader().getParent();
        boolean shared = successor.processor().loader().getParent() == dependencies;
        return new RetiredLoaders(old.processor().loader(), shared ? Optional.empty() : Optional.of(dependencies));
    }

    private void stopThreads(int number, RetiredLoaders retired) {
        List<Thread> started = threadsOf(retired);
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
                warnings.accept("Generation " + number + " left threads running after it was retired: "
                        + String.join(", ", survivors) + ". They keep its classes in memory; stop them when"
                        + " interrupted (check Thread.interrupted() in their loops).");
            }
        }, "wavecraft-retire-" + number);
        checker.setDaemon(true);
        checker.start();
    }

    private static List<Thread> threadsOf(RetiredLoaders retired) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> retired.contains(thread.getContextClassLoader()) && thread != Thread.currentThread())
                .collect(Collectors.toList());
    }
}
