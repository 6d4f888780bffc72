package dev.wavecraft.devserver.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunningSilenceTest {

    private long now = 1_000_000_000L;
    private final RunningSilence silence = new RunningSilence(() -> now, Duration.ofSeconds(1));

    @Test
    void countsTheTimeBetweenChecksWhileNothingArrives() {
        assertThat(after(Duration.ofMillis(250), 0)).isEqualTo(Duration.ofMillis(250));
        assertThat(after(Duration.ofMillis(250), 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(after(Duration.ofMillis(900), 0)).isEqualTo(Duration.ofMillis(1400));
    }

    @Test
    void startsAgainFromZeroWhenTheParentWasHeard() {
        after(Duration.ofMillis(750), 0);

        assertThat(after(Duration.ofMillis(250), 1)).isZero();
        assertThat(after(Duration.ofMillis(250), 1)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void forgivesAGapInWhichThisProcessItselfStoodStill() {
        after(Duration.ofMillis(250), 0);

        assertThat(after(Duration.ofSeconds(15), 0)).as("15 s paused count as the longest gap")
                .isEqualTo(Duration.ofMillis(1250));
        assertThat(after(Duration.ofMillis(250), 0)).isEqualTo(Duration.ofMillis(1500));
    }

    private Duration after(Duration elapsed, long beats) {
        now += elapsed.toNanos();
        return silence.check(beats);
    }
}
