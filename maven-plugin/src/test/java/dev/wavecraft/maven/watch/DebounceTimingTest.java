package dev.wavecraft.maven.watch;

import static dev.wavecraft.maven.watch.TestProject.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The debounce rules against real file events and real time (the rules themselves: DebouncerTest). */
class DebounceTimingTest {

    @TempDir
    Path temp;

    private TestProject project;
    private RecordingListener listener;
    private Path gain;

    @BeforeEach
    void createProject() throws Exception {
        project = new TestProject(temp);
        listener = project.listener;
        gain = write(project.sources.resolve("Gain.java"), "class Gain { int v0; }");
    }

    @AfterEach
    void closeWatchers() {
        project.close();
    }

    @Test
    void reportsASingleSaveNoSoonerThanTheQuietPeriod() throws Exception {
        project.start();
        long savedAt = System.nanoTime();

        write(gain, "class Gain { int v1; }");
        listener.nextChange();

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - savedAt);
        assertThat(tookMillis).isBetween(WatchSettings.DEFAULT_QUIET_PERIOD.toMillis(), 1_000L);
    }

    @Test
    void seesEverySaveWithinHalfASecondThroughFileEvents() throws Exception {
        project.start(project.settings().withAdaptive(false));

        for (int i = 1; i <= 5; i++) {
            long savedAt = System.nanoTime();
            write(gain, "class Gain { int v" + i + "; }");
            assertThat(listener.nextChange(Duration.ofSeconds(2)).sources()).containsExactly(gain);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - savedAt)).as("save %d", i).isLessThan(500L);
        }
        assertThat(listener.warnings).as("no fallback to polling").isEmpty();
    }

    @Test
    void coalescesTenSavesWithinASecondIntoAtMostTwoChangeSetsEndingWithTheLastContent() throws Exception {
        project.start(); // the defaults: 25 ms quiet, adaptive, 2 s at most
        String last = null;
        for (int i = 1; i <= 10; i++) {
            last = "class Gain { int v" + i + "; }";
            write(gain, last);
            Thread.sleep(105); // ten saves within a second, each further apart than the base quiet period
        }

        List<ChangeSet> reported = new ArrayList<>();
        String seen = null;
        while (!last.equals(seen)) {
            RecordingListener.Report report = listener.next();
            assertThat(report.changes()).as("a change set, not a skip").isNotNull();
            reported.add(report.changes());
            seen = report.contents().get(gain);
        }
        listener.assertNothingMoreWithin(Duration.ofMillis(600));
        assertThat(reported).hasSizeBetween(1, 2).allSatisfy(changes -> assertThat(changes.sources()).containsExactly(gain));
    }

    @Test
    void reportsAFileWrittenContinuouslyOnceMaxWaitHasPassed() throws Exception {
        project.start(project.settings().withQuietPeriod(Duration.ofMillis(300)).withMaxWait(Duration.ofMillis(800)));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            try {
                while (writing.get()) { // a write every 30 ms never leaves 300 ms of quiet
                    write(gain, "class Gain { int v" + writes.incrementAndGet() + "; }");
                    Thread.sleep(30);
                }
            } catch (Exception e) {
                writing.set(false);
            }
        }, "test-continuous-writer");
        writer.start();
        try {
            long startedAt = System.nanoTime();
            ChangeSet changes = listener.nextChange(Duration.ofSeconds(3));

            assertThat(writing.get()).as("still writing when the change set came").isTrue();
            assertThat(changes.sources()).containsExactly(gain);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt)).isBetween(750L, 2_000L);
        } finally {
            writing.set(false);
            writer.join(2_000);
        }
    }
}
