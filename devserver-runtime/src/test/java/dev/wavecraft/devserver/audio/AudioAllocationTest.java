package dev.wavecraft.devserver.audio;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.api.Chain;
import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.InputSpec;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The audio thread allocates nothing in steady state: measured, not assumed. */
class AudioAllocationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long WARM_BLOCKS = 3_000;
    private static final long MEASURED_BLOCKS = 3_000;

    @Test
    void allocatesNothingOnTheAudioThreadWhileProcessingMeteringTimingAndTakingParameterChanges() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        TestProcessors.Gain gain = new TestProcessors.Gain();
        ParameterLayout layout = TestProcessors.layoutOf(gain);
        ParameterHost parameters = new ParameterHost(layout);
        // Small blocks and a clock that skips the waits: thousands of blocks in well under a second.
        try (AudioEngine engine = AudioEngine.builder(AudioSettings.ofBlockSize(64), parameters)
                .input(InputSpec.pinkNoise(0.5)).output(OutputOpener.silent()).clock(AudioClock.fastForward())
                .start(1, gain, layout)) {
            long audioThread = threadNamed("wavecraft-audio").getId();
            waitFor("warm-up blocks", WAIT).until(() -> engine.counters().blocks(), blocks -> blocks >= WARM_BLOCKS);

            long startBlocks = engine.counters().blocks();
            long before = threads.getThreadAllocatedBytes(audioThread);
            for (int i = 0; engine.counters().blocks() < startBlocks + MEASURED_BLOCKS; i++) {
                parameters.set("gain", -(i % 60), null);
                Thread.onSpinWait();
            }
            long after = threads.getThreadAllocatedBytes(audioThread);
            long blocks = engine.counters().blocks() - startBlocks;

            System.out.printf("Audio thread: %d bytes allocated over %d blocks of 64 frames%n", after - before, blocks);
            assertThat(engine.meterFrame()).isPresent();
            assertThat(engine.oscilloscopeFrame()).isPresent();
            assertThat(engine.spectrumFrame(4096)).isPresent();
            assertThat(engine.status().cpu().blocks()).isPositive();
            assertThat(after - before).as("bytes allocated by the audio thread over %d blocks", blocks).isZero();
        }
    }

    @Test
    void allocatesNothingOnTheAudioThreadWhileComparingSwitchingWhatIsHeardAndMatchingLoudness() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        TestProcessors.Gain live = new TestProcessors.Gain();
        ParameterHost parameters = new ParameterHost(TestProcessors.layoutOf(live));
        try (AudioEngine engine = AudioEngine.builder(AudioSettings.ofBlockSize(64), parameters)
                .input(InputSpec.pinkNoise(0.5)).output(OutputOpener.silent()).clock(AudioClock.fastForward())
                .start(2, live, TestProcessors.layoutOf(live))) {
            TestProcessors.Gain earlier = new TestProcessors.Gain();
            // A has a layout of its own, as an earlier generation has: its values follow B's by id.
            engine.compare().prepare(1, earlier, TestProcessors.layoutOf(earlier)).run();
            engine.compare().set(true, Listening.DIFF, true);
            long audioThread = threadNamed("wavecraft-audio").getId();
            waitFor("A measured", WAIT).until(() -> engine.compare().levels(), CompareLevels::aRunning);
            waitFor("warm-up blocks", WAIT).until(() -> engine.counters().blocks(), blocks -> blocks >= WARM_BLOCKS);

            long startBlocks = engine.counters().blocks();
            long before = threads.getThreadAllocatedBytes(audioThread);
            Listening[] heard = Listening.values();
            for (int i = 0; engine.counters().blocks() < startBlocks + MEASURED_BLOCKS; i++) {
                parameters.set("gain", -(i % 60), null);
                if (i % 50 == 0) {
                    engine.compare().set(true, heard[(i / 50) % heard.length], i % 100 == 0);
                }
                Thread.onSpinWait();
            }
            long after = threads.getThreadAllocatedBytes(audioThread);
            long blocks = engine.counters().blocks() - startBlocks;

            System.out.printf("Audio thread while comparing: %d bytes allocated over %d blocks of 64 frames%n",
                    after - before, blocks);
            assertThat(engine.compare().levels().aGeneration()).isEqualTo(1);
            assertThat(after - before).as("bytes allocated by the audio thread over %d blocks", blocks).isZero();
        }
    }

    @Test
    void allocatesNothingOnTheAudioThreadWhileMeteringEachStageOfAChainAndSwappingGenerations() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        Chain first = twoGains();
        ParameterLayout layout = TestProcessors.layoutOf(first);
        ParameterHost parameters = new ParameterHost(layout);
        try (AudioEngine engine = AudioEngine.builder(AudioSettings.ofBlockSize(64), parameters)
                .input(InputSpec.pinkNoise(0.5)).output(OutputOpener.silent()).clock(AudioClock.fastForward())
                .warmUpBlocks(10).start(1, first, layout)) {
            long audioThread = threadNamed("wavecraft-audio").getId();
            waitFor("warm-up blocks", WAIT).until(() -> engine.counters().blocks(), blocks -> blocks >= WARM_BLOCKS);
            // A second generation, swapped in with a crossfade: its stage meters were made off the audio thread.
            Chain second = twoGains();
            engine.prepare(2, second, TestProcessors.layoutOf(second)).getAsBoolean();
            waitFor("generation 2 metered", WAIT).until(() -> engine.counters().crossfades(), fades -> fades >= 1);
            waitFor("more warm-up blocks", WAIT).until(() -> engine.counters().blocks(),
                    blocks -> blocks >= 2 * WARM_BLOCKS);

            long startBlocks = engine.counters().blocks();
            long before = threads.getThreadAllocatedBytes(audioThread);
            for (int i = 0; engine.counters().blocks() < startBlocks + MEASURED_BLOCKS; i++) {
                parameters.set("second_gain", -(i % 60), null);
                parameters.set("first_bypass", i % 2, null);
                Thread.onSpinWait();
            }
            long after = threads.getThreadAllocatedBytes(audioThread);
            long blocks = engine.counters().blocks() - startBlocks;

            System.out.printf("Audio thread metering a chain: %d bytes allocated over %d blocks of 64 frames%n",
                    after - before, blocks);
            assertThat(engine.meterFrame().orElseThrow().stages()).extracting(StageLevels::id)
                    .containsExactly("first", "second");
            assertThat(after - before).as("bytes allocated by the audio thread over %d blocks", blocks).isZero();
        }
    }

    private static Chain twoGains() {
        return Chain.of(Chain.stage("first", new TestProcessors.Gain()), Chain.stage("second", new TestProcessors.Gain()));
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("No thread named " + name));
    }
}
