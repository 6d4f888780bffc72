package dev.wavecraft.maven.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DebouncerTest {

    private static final Duration QUIET = Duration.ofMillis(100);
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private final Debouncer adaptive = new Debouncer(QUIET, MAX_WAIT, true);

    @Test
    void isDueOnceNoEventCameForTheQuietPeriod() {
        adaptive.eventAt(ms(1_000));

        assertThat(adaptive.isDue(ms(1_099))).isFalse();
        assertThat(adaptive.isDue(ms(1_100))).isTrue();
    }

    @Test
    void isNeverDueWithoutAnEvent() {
        assertThat(adaptive.isOpen()).isFalse();
        assertThat(adaptive.isDue(ms(1_000_000))).isFalse();
    }

    @Test
    void theEventsOfOneSaveDoNotLengthenTheQuietPeriod() {
        adaptive.eventAt(ms(0));
        adaptive.eventAt(ms(1));
        adaptive.eventAt(ms(3)); // a safe write: create, rename, rename, delete

        assertThat(adaptive.quietPeriod()).isEqualTo(QUIET);
        assertThat(adaptive.deadline()).isEqualTo(ms(103));
    }

    @Test
    void adaptiveModeDoublesTheQuietPeriodForEachNewBurstUpToEightTimes() {
        adaptive.eventAt(ms(0));
        adaptive.eventAt(ms(80));
        assertThat(adaptive.quietPeriod()).isEqualTo(Duration.ofMillis(200));
        adaptive.eventAt(ms(200));
        assertThat(adaptive.quietPeriod()).isEqualTo(Duration.ofMillis(400));
        adaptive.eventAt(ms(400));
        assertThat(adaptive.quietPeriod()).isEqualTo(Duration.ofMillis(800));
        adaptive.eventAt(ms(600));

        assertThat(adaptive.quietPeriod()).isEqualTo(Duration.ofMillis(800));
        assertThat(adaptive.deadline()).isEqualTo(ms(1_400));
    }

    @Test
    void buildsASingleSaveAfterTheShortDefaultSettleTime() {
        Debouncer defaults = new Debouncer(WatchSettings.DEFAULT_QUIET_PERIOD, MAX_WAIT, true);
        defaults.eventAt(ms(0));
        defaults.eventAt(ms(2)); // an editor's safe write: several events within a few ms

        assertThat(defaults.isDue(ms(26))).isFalse();
        assertThat(defaults.isDue(ms(27))).isTrue();
    }

    @Test
    void tenSavesInASecondGiveAtMostTwoReportsWithTheDefaults() {
        Debouncer defaults = new Debouncer(WatchSettings.DEFAULT_QUIET_PERIOD, MAX_WAIT, true);
        int reports = 0;
        long lastSave = 9 * 105;
        for (long t = 0; t <= lastSave + 2_000; t++) {
            if (defaults.isDue(ms(t))) {
                defaults.reported();
                reports++;
            }
            if (t <= lastSave && t % 105 == 0) {
                defaults.eventAt(ms(t));
            }
        }

        assertThat(reports).isEqualTo(2);
    }

    @Test
    void fixedModeKeepsTheQuietPeriodWhileEventsKeepComing() {
        Debouncer fixed = new Debouncer(QUIET, MAX_WAIT, false);
        fixed.eventAt(ms(0));
        fixed.eventAt(ms(80));
        fixed.eventAt(ms(160));

        assertThat(fixed.quietPeriod()).isEqualTo(QUIET);
        assertThat(fixed.deadline()).isEqualTo(ms(260));
    }

    @Test
    void maxWaitForcesAReportWhileEventsKeepComing() {
        for (long t = 0; t < 3_000; t += 50) {
            if (adaptive.isDue(ms(t))) {
                assertThat(t).isEqualTo(2_000);
                return;
            }
            adaptive.eventAt(ms(t));
        }
        throw new AssertionError("never due while a file was written every 50 ms");
    }

    @Test
    void keepsTheLongerQuietPeriodWhenSavesContinueRightAfterAReport() {
        adaptive.eventAt(ms(0));
        adaptive.eventAt(ms(90));
        assertThat(adaptive.isDue(ms(290))).isTrue();
        adaptive.reported();

        adaptive.eventAt(ms(300)); // the user saves again at about the same pace

        assertThat(adaptive.quietPeriod()).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void resetsToTheBaseQuietPeriodWhenTheNextSaveComesAfterAPause() {
        adaptive.eventAt(ms(0));
        adaptive.eventAt(ms(90));
        adaptive.eventAt(ms(200));
        adaptive.reported();

        adaptive.eventAt(ms(5_000));

        assertThat(adaptive.quietPeriod()).isEqualTo(QUIET);
        assertThat(adaptive.deadline()).isEqualTo(ms(5_100));
    }

    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
