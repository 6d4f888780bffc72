package dev.wavecraft.maven.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CrashWindowTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void allowsRestartsUntilTheThirdCrashWithinAMinute() {
        CrashWindow window = new CrashWindow(3, Duration.ofMinutes(1));

        assertThat(window.recordAndAllowRestart(START)).isTrue();
        assertThat(window.recordAndAllowRestart(START.plusSeconds(20))).isTrue();
        assertThat(window.recordAndAllowRestart(START.plusSeconds(40))).isFalse();
    }

    @Test
    void forgetsCrashesOlderThanTheWindow() {
        CrashWindow window = new CrashWindow(3, Duration.ofMinutes(1));

        window.recordAndAllowRestart(START);
        window.recordAndAllowRestart(START.plusSeconds(30));

        assertThat(window.recordAndAllowRestart(START.plusSeconds(61))).isTrue();
        assertThat(window.recordAndAllowRestart(START.plusSeconds(62))).isFalse();
    }
}
