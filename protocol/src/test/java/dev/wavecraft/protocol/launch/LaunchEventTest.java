package dev.wavecraft.protocol.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LaunchEventTest {

    @Test
    void readsBackARenderedEventFromItsLineAmongOtherOutput() {
        LaunchEvent rendered = LaunchEvent.rendered("it.fixture.Gain",
                "Rendered 0.500 s of tone through it.fixture.Gain");

        LaunchEvent parsed = LaunchEvent.parse(rendered.toLine()).orElseThrow();

        assertThat(parsed).isEqualTo(rendered);
        assertThat(parsed.isRendered()).isTrue();
        assertThat(parsed.isReady()).isFalse();
        assertThat(parsed.processor()).isEqualTo("it.fixture.Gain");
        assertThat(parsed.message()).isEqualTo("Rendered 0.500 s of tone through it.fixture.Gain");
        assertThat(parsed.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(LaunchEvent.parse("Rendered 0.500 s of tone")).isEmpty();
    }

    @Test
    void aFailedEventIsNeitherReadyNorRendered() {
        LaunchEvent failed = LaunchEvent.parse(LaunchEvent.failed("PROCESSOR_STUCK", "stuck", null).toLine())
                .orElseThrow();

        assertThat(failed.isRendered()).isFalse();
        assertThat(failed.isReady()).isFalse();
        assertThat(failed.problem()).isEqualTo("PROCESSOR_STUCK");
    }
}
