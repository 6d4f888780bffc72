package dev.wavecraft.devserver.audio;

import static dev.wavecraft.api.Chain.stage;
import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.Chain;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.InputSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/** The stage meters show the live generation's chain alone: neither compare's A nor a generation fading out writes them. */
class StageMetersTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Frames read in a row to show that figures of another generation never turn up. */
    private static final int FRAMES_WATCHED = 30;

    /** Silences the block: a stage whose meter reads zero. */
    static final class Mute implements Processor {

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public void process(AudioBlock block, ParameterValues values) {
            for (int c = 0; c < block.channelCount(); c++) {
                Arrays.fill(block.channel(c), 0, block.frames(), 0f);
            }
        }
    }

    @Test
    void metersTheLiveChainOnlyWhileComparingWithAnotherAndAfterASwap() throws Exception {
        Chain loud = Chain.of(stage("level", new TestProcessors.Gain()));
        ParameterHost parameters = new ParameterHost(TestProcessors.layoutOf(loud));
        try (AudioEngine engine = AudioEngine.builder(AudioSettings.ofBlockSize(64), parameters)
                .input(InputSpec.tone(1000, 0.5)).output(OutputOpener.silent()).clock(AudioClock.fastForward())
                .warmUpBlocks(10).start(1, loud, TestProcessors.layoutOf(loud))) {
            waitFor("the live chain's stage metered", WAIT).until(() -> levelPeak(engine), peak -> peak > 0.45);

            // Compare's A mutes, under the same stage id: its figures must not reach the live meters.
            Chain muted = Chain.of(stage("level", new Mute()));
            engine.compare().prepare(0, muted, TestProcessors.layoutOf(muted)).run();
            engine.compare().set(true, Listening.A, false);
            waitFor("A running", WAIT).until(() -> engine.compare().levels(), CompareLevels::aRunning);
            assertEveryNextFrame(engine, "live while comparing", peak -> peak > 0.45);

            // A muting generation goes live: from its first frames on, the one fading out writes nothing.
            engine.compare().set(false, Listening.B, false);
            Chain next = Chain.of(stage("level", new Mute()));
            parameters.adopt(TestProcessors.layoutOf(next));
            engine.prepare(2, next, TestProcessors.layoutOf(next)).getAsBoolean();
            waitFor("generation 2's stage metered", WAIT).until(() -> levelPeak(engine), peak -> peak == 0);
            assertEveryNextFrame(engine, "after the swap", peak -> peak == 0);
        }
    }

    /** Reads the stage's peak after each of the next meter windows; every one must be {@code wanted}. */
    private static void assertEveryNextFrame(AudioEngine engine, String when, DoublePredicate wanted) {
        int blocksPerWindow = AudioSettings.ofBlockSize(64).sampleRate() / 30 / 64 + 1;
        for (int seen = 0; seen < FRAMES_WATCHED; seen++) {
            long from = engine.counters().blocks();
            waitFor("another meter window", WAIT).until(() -> engine.counters().blocks(),
                    blocks -> blocks >= from + blocksPerWindow);
            double peak = levelPeak(engine);
            assertThat(wanted.test(peak)).as("stage peak %s %s: %s", when, seen, peak).isTrue();
        }
    }

    private static double levelPeak(AudioEngine engine) {
        return engine.meterFrame().filter(frame -> !frame.stages().isEmpty())
                .map(frame -> (double) frame.stages().get(0).peakL()).orElse(-1.0);
    }
}
