package dev.wavecraft.devserver.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReloadStateTest {

    @Test
    void goesOnTheWireByTheNamesOfTheProtocol() {
        assertThat(Arrays.stream(ReloadState.values()).map(ReloadState::wireName))
                .containsExactly("idle", "building", "reloading", "failed");
    }
}
