package dev.wavecraft.devserver.reload;

import dev.wavecraft.protocol.reload.BuildReport;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code getReloadHistory} answers: the last {@code capacity} builds, reloads and rollbacks,
 * newest first, each with the audio engine's counters at the moment it was recorded.
 */
final class ReloadHistory {

    static final int CAPACITY = 50;

    private final int capacity;
    private final Supplier<Map<String, Number>> audioCounters;
    private final Deque<HistoryEntry> entries = new ArrayDeque<>();

    /** @param audioCounters the audio engine's counters, recorded with every entry */
    ReloadHistory(int capacity, Supplier<Map<String, Number>> audioCounters) {
        this(capacity, audioCounters, List.of());
    }

    /** @param earlier entries of an earlier server of the run, newest first */
    ReloadHistory(int capacity, Supplier<Map<String, Number>> audioCounters, List<HistoryEntry> earlier) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The history must hold at least one entry, not " + capacity);
        }
        this.capacity = capacity;
        this.audioCounters = audioCounters;
        earlier.stream().limit(capacity).forEach(entries::addLast);
    }

    /** A build or reload that failed, so {@code liveGeneration} stayed live; {@code error} says why. */
    synchronized void failed(int liveGeneration, String outcome, BuildReport report, String error) {
        add(new HistoryEntry(liveGeneration, Instant.now().toString(), outcome, report.trigger(), report.files(),
                report.detectMs(), report.buildMs(), 0, 0, report.detectMs() + report.buildMs(), List.of(),
                List.of(), error, audioCounters.get()));
    }

    /** A generation went live; {@code totalMs} runs from the change to the browsers being told. */
    synchronized void swapped(Swap swap, String outcome, BuildReport report, long notifyMs, long totalMs) {
        add(new HistoryEntry(swap.generation().number(), Instant.now().toString(), outcome, report.trigger(),
                report.files(), report.detectMs(), report.buildMs(), swap.reloadMs(), notifyMs, totalMs,
                swap.change().added(), swap.change().removed(), swap.warning(), audioCounters.get()));
    }

    /** Newest first. */
    synchronized List<HistoryEntry> entries() {
        return List.copyOf(entries);
    }

    private void add(HistoryEntry entry) {
        entries.addFirst(entry);
        while (entries.size() > capacity) {
            entries.removeLast();
        }
    }
}
