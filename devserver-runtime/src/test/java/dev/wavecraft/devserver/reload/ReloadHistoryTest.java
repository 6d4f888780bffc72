package dev.wavecraft.devserver.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.wavecraft.protocol.reload.BuildReport;
import dev.wavecraft.protocol.reload.LayoutChange;
import dev.wavecraft.protocol.reload.StageChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReloadHistoryTest {

    private static final BuildReport CHANGE = new BuildReport(List.of("src/main/java/demo/Gain.java"), "change", 101, 240);

    @Test
    void answersNewestFirst() {
        ReloadHistory history = new ReloadHistory(5, Map::of);

        history.failed(1, HistoryEntry.BUILD_FAILED, CHANGE, "Gain.java:3: ';' expected");
        history.swapped(swap(2), HistoryEntry.RELOADED, CHANGE, 4, 361);
        history.swapped(swap(3), HistoryEntry.ROLLED_BACK, new BuildReport(List.of(), "rollback", 0, 0), 1, 17);

        assertThat(history.entries()).extracting(HistoryEntry::generation, HistoryEntry::outcome)
                .containsExactly(
                        tuple(3, HistoryEntry.ROLLED_BACK),
                        tuple(2, HistoryEntry.RELOADED),
                        tuple(1, HistoryEntry.BUILD_FAILED));
    }

    @Test
    void dropsTheOldestEntriesBeyondItsCapacity() {
        ReloadHistory history = new ReloadHistory(3, Map::of);

        for (int generation = 1; generation <= 7; generation++) {
            history.swapped(swap(generation), HistoryEntry.RELOADED, CHANGE, 0, 0);
        }

        assertThat(history.entries()).extracting(HistoryEntry::generation).containsExactly(7, 6, 5);
    }

    @Test
    void keepsFiftyEntriesInTheServer() {
        ReloadHistory history = new ReloadHistory(ReloadHistory.CAPACITY, Map::of);

        for (int generation = 1; generation <= 60; generation++) {
            history.swapped(swap(generation), HistoryEntry.RELOADED, CHANGE, 0, 0);
        }

        assertThat(history.entries()).hasSize(50);
        assertThat(history.entries().get(49).generation()).isEqualTo(11);
    }

    @Test
    void recordsEachStageAndTheAudioCountersOfTheMomentAnEntryIsMade() {
        AtomicInteger dropped = new AtomicInteger();
        ReloadHistory history = new ReloadHistory(5, () -> Map.of("droppedBlocks", dropped.get()));

        history.swapped(swap(2), HistoryEntry.RELOADED, CHANGE, 4, 361);
        dropped.set(3);
        history.failed(2, HistoryEntry.RELOAD_FAILED, CHANGE, "Could not load demo.Gain");

        HistoryEntry failure = history.entries().get(0);
        assertThat(failure.audio()).containsEntry("droppedBlocks", 3);
        assertThat(failure.error()).isEqualTo("Could not load demo.Gain");
        assertThat(failure.totalMs()).isEqualTo(341);
        assertThat(failure.reloadMs()).isZero();
        HistoryEntry reload = history.entries().get(1);
        assertThat(reload.audio()).containsEntry("droppedBlocks", 0);
        assertThat(reload.files()).containsExactly("src/main/java/demo/Gain.java");
        assertThat(reload.trigger()).isEqualTo("change");
        assertThat(List.of(reload.detectMs(), reload.buildMs(), reload.reloadMs(), reload.notifyMs(), reload.totalMs()))
                .containsExactly(101L, 240L, 16L, 4L, 361L);
        assertThat(reload.added()).containsExactly("drive");
        assertThat(reload.removed()).containsExactly("tone");
        assertThat(Instant.parse(reload.at())).isBeforeOrEqualTo(Instant.parse(failure.at()));
    }

    @Test
    void refusesACapacityOfNothing() {
        assertThatThrownBy(() -> new ReloadHistory(0, Map::of)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one entry");
    }

    /** The history reads only the generation's number, the layout change and the timings of a swap. */
    private static Swap swap(int generation) {
        return new Swap(new Generation(generation, null, Instant.now()),
                new LayoutChange(List.of("drive"), List.of("tone"), List.of("gain"), List.of()), 16, null, true,
                StageChange.NONE);
    }
}
