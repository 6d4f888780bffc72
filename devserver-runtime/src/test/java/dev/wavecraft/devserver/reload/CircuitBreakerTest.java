package dev.wavecraft.devserver.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final CircuitBreaker breaker = new CircuitBreaker();

    @Test
    void startsClosedWithAutoReloadOn() {
        assertThat(breaker.position()).isEqualTo(new CircuitBreaker.Position(true, null));
    }

    @Test
    void tripsOnACrashedGenerationPausingAutoReloadAndSayingWhy() {
        String reason = breaker.trip(4, 6, "kept crashing (process() failed 8 blocks in a row)");

        assertThat(reason).isEqualTo("Generation 4 kept crashing (process() failed 8 blocks in a row), so the"
                + " earlier code runs again as generation 6. Auto-reload is paused until the next successful"
                + " build: fix the code and save.");
        assertThat(breaker.position()).isEqualTo(new CircuitBreaker.Position(false, reason));
    }

    @Test
    void saysAGenerationHungWhenItsProcessDidNotReturn() {
        String reason = breaker.trip(4, 6, "hung in process() (it did not return within 200 ms on the audio thread,"
                + " stuck at demo.Tone.process(Tone.java:9))");

        assertThat(reason).startsWith("Generation 4 hung in process() (it did not return within 200 ms on the audio"
                + " thread, stuck at demo.Tone.process(Tone.java:9)), so the earlier code runs again as generation 6.")
                .doesNotContain("crashing");
    }

    @Test
    void refusesToRollBackToTheCrashedGenerationWhileOpen() throws Exception {
        breaker.trip(4, 6, "boom");

        assertThatThrownBy(() -> breaker.checkRollback(Optional.of(4))).isInstanceOf(ReloadFailure.class)
                .hasMessage("Generation 4 kept crashing; fix the code and save instead of bringing it back.")
                .satisfies(failure -> assertThat(((ReloadFailure) failure).stage()).isEqualTo("rollback"));
        breaker.checkRollback(Optional.of(3));
        breaker.checkRollback(Optional.empty());
    }

    @Test
    void closesAfterAGoodBuildTurningAutoReloadBackOnOnce() throws Exception {
        breaker.trip(4, 6, "boom");

        assertThat(breaker.closeAfterGoodBuild()).isTrue();
        assertThat(breaker.position()).isEqualTo(new CircuitBreaker.Position(true, null));
        assertThat(breaker.closeAfterGoodBuild()).as("already closed").isFalse();
        breaker.checkRollback(Optional.of(4));
    }

    @Test
    void aGoodBuildLeavesAutoReloadOffWhenTheUserSwitchedItOff() {
        breaker.setAutoReload(false);

        assertThat(breaker.closeAfterGoodBuild()).isFalse();
        assertThat(breaker.position()).isEqualTo(new CircuitBreaker.Position(false, null));
    }

    @Test
    void theUsersSwitchClearsAPauseEitherWay() throws Exception {
        breaker.trip(4, 6, "boom");
        breaker.setAutoReload(false);

        assertThat(breaker.position()).isEqualTo(new CircuitBreaker.Position(false, null));
        breaker.checkRollback(Optional.of(4));

        breaker.trip(7, 8, "boom again");
        breaker.setAutoReload(true);

        assertThat(breaker.position()).isEqualTo(new CircuitBreaker.Position(true, null));
    }
}
