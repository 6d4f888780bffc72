package dev.wavecraft.devserver.audio;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.Processor;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.InputSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine on its real threads, with a silent sink paced by the real clock. */
class AudioEngineTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<AudioStatus> statuses = new CopyOnWriteArrayList<>();
    private final AudioEvents recorder = new AudioEvents() {
        @Override
        public void statusChanged(AudioStatus status) {
            statuses.add(status);
        }
    };
    private AudioEngine engine;
    private ParameterHost parameters;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void halvesTheRmsWhenTheGainDropsBySixDecibels() throws Exception {
        start(new TestProcessors.Gain(), InputSpec.tone(1000, 0.5), OutputOpener.silent());
        MeterFrame before = frameAfter(System.currentTimeMillis());
        assertThat(before.rmsL()).isCloseTo((float) (0.5 / Math.sqrt(2)), org.assertj.core.data.Offset.offset(0.01f));

        parameters.set("gain", -20 * Math.log10(2), null);
        MeterFrame after = frameAfter(System.currentTimeMillis() + 50);

        assertThat(after.rmsL() / before.rmsL()).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(after.rmsR() / before.rmsR()).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(after.peakL() / before.peakL()).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.01f));
    }

    @Test
    void showsAOneKilohertzToneWithRisingZeroCrossings48SamplesApart() throws Exception {
        start(new TestProcessors.Gain(), InputSpec.tone(1000, 0.5), OutputOpener.silent());

        OscilloscopeFrame frame = waitFor("an oscilloscope frame", WAIT)
                .until(() -> engine.oscilloscopeFrame().orElse(null), f -> f != null);

        assertThat(frame.pointsL()).hasSize(1024);
        assertThat(frame.pointsR()).hasSize(1024);
        assertThat(frame.noSignal()).isFalse();
        assertThat(frame.sampleRate()).isEqualTo(48_000);
        List<Integer> crossings = risingZeroCrossings(frame.pointsL());
        assertThat(crossings).hasSizeGreaterThanOrEqualTo(20);
        for (int i = 1; i < crossings.size(); i++) {
            assertThat(crossings.get(i) - crossings.get(i - 1)).isBetween(47, 49);
        }
        double average = (crossings.get(crossings.size() - 1) - crossings.get(0)) / (double) (crossings.size() - 1);
        assertThat(average).isCloseTo(48.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(frame.pointsL()[0]).as("the frame starts at the trigger").isBetween(0f, 0.07f);
        assertThat(frame.pointsL()[1]).isGreaterThan(frame.pointsL()[0]);
    }

    @Test
    void reportsNoSignalForSilenceAndPicksUpANewInputSource() throws Exception {
        start(new TestProcessors.Gain(), InputSpec.silence(), OutputOpener.silent());
        assertThat(waitFor("a frame", WAIT).until(() -> engine.oscilloscopeFrame().orElse(null), f -> f != null)
                .noSignal()).isTrue();

        engine.setInput(InputSpec.pinkNoise(0.5), null);

        waitFor("a frame with signal", WAIT).until(() -> engine.oscilloscopeFrame().orElse(null), f -> !f.noSignal());
        assertThat(engine.input()).isEqualTo(InputSpec.pinkNoise(0.5));
    }

    @Test
    void fallsBackToASilentSinkWhenNoDeviceOpensAndKeepsMetering() throws Exception {
        start(new TestProcessors.Gain(), InputSpec.tone(440, 0.5), OutputOpener.unavailable("no sound card in this test"));

        AudioStatus status = waitFor("started", WAIT).until(engine::status, s -> s.phase() != AudioPhase.INITIALIZING);

        assertThat(status.phase()).isEqualTo(AudioPhase.DEGRADED);
        assertThat(status.diagnostic().code()).isEqualTo("noOutputDevice");
        assertThat(status.diagnostic().message()).contains("no sound card in this test");
        assertThat(status.diagnostic().hint()).contains("wavecraft.audioDevice=false");
        assertThat(frameAfter(System.currentTimeMillis()).peakL()).isGreaterThan(0.4f);
        assertThat(statuses).extracting(AudioStatus::phase).contains(AudioPhase.DEGRADED);
    }

    @Test
    void mutesAThrowingProcessorReportsDegradedAndRecovers() throws Exception {
        start(new TestProcessors.Gain(3), InputSpec.tone(440, 0.5), OutputOpener.silent());
        waitFor("running", WAIT).until(engine::status, s -> s.phase() == AudioPhase.RUNNING_INPUT_ONLY);

        parameters.set("trip", 1, null);

        AudioStatus degraded = waitFor("degraded", WAIT)
                .until(() -> statuses.get(statuses.size() - 1), s -> s.phase() == AudioPhase.DEGRADED);
        assertThat(degraded.diagnostic().code()).isEqualTo("unknown");
        assertThat(degraded.diagnostic().message()).contains("generation 1", "IllegalStateException: filter blew up",
                "TestProcessors");
        AudioStatus recovered = waitFor("running again", WAIT)
                .until(() -> statuses.get(statuses.size() - 1), s -> s.phase() == AudioPhase.RUNNING_INPUT_ONLY);
        assertThat(recovered.diagnostic()).isNull();
        assertThat(engine.counters().processFailures()).isEqualTo(3);
        assertThat(engine.counters().rollbacks()).isZero();
        assertThat(frameAfter(System.currentTimeMillis()).peakL()).isGreaterThan(0.4f);
    }

    @Test
    void asksForARollbackAfterEightFailedBlocksInARow() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        List<int[]> requests = new CopyOnWriteArrayList<>();
        parameters = new ParameterHost(TestProcessors.layoutOf(new TestProcessors.Gain()));
        engine = AudioEngine.builder(AudioSettings.ofBlockSize(256), parameters)
                .input(InputSpec.tone(440, 0.5)).output(OutputOpener.silent()).events(recorder)
                .warnings(warnings::add)
                .build();
        engine.start(1, new TestProcessors.Gain(), TestProcessors.layoutOf(new TestProcessors.Gain()),
                (failing, lastGood, reason) -> {
                    requests.add(new int[] {failing, lastGood});
                    engine.swapIn(3, new TestProcessors.Gain(), TestProcessors.layoutOf(new TestProcessors.Gain()));
                    return new Rollback.Outcome(3, true);
                });
        waitFor("blocks", WAIT)
                .until(() -> engine.counters().blocks(), blocks -> blocks > ProcessorHealth.GOOD_AFTER_BLOCKS);

        Processor broken = new TestProcessors.Gain(Integer.MAX_VALUE);
        ParameterLayout brokenLayout = TestProcessors.layoutOf(broken);
        BooleanSupplier goLive = engine.prepare(2, broken, brokenLayout);
        parameters.adopt(brokenLayout);
        assertThat(goLive.getAsBoolean()).as("heard").isTrue();
        parameters.set("trip", 1, null);

        waitFor("a warning about the rollback", WAIT).until(() -> warnings, list -> !list.isEmpty());
        waitFor("generation 3 live", WAIT).until(() -> engine.status().generation(), generation -> generation == 3);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).containsExactly(2, 1);
        assertThat(warnings).anySatisfy(warning -> assertThat(warning).contains("generation 2", "blocks in a row",
                "filter blew up", "now live as generation 3"));
        AudioStatus status = engine.status();
        assertThat(status.lastRollback().failedGeneration()).isEqualTo(2);
        assertThat(status.counters().rollbacks()).isEqualTo(1);
    }

    @Test
    void countsDeadlineMissesOfAProcessorSlowerThanTheBlockPeriodAndSaysWhatToDo() throws Exception {
        Processor slow = new TestProcessors.Slow(AudioSettings.ofBlockSize(256).blockMillis() * 1.5);
        parameters = new ParameterHost(TestProcessors.layoutOf(slow));
        engine = AudioEngine.builder(AudioSettings.ofBlockSize(256), parameters).output(OutputOpener.silent())
                .events(recorder).warmUpBlocks(2).start(1, slow, TestProcessors.layoutOf(slow));

        AudioStatus status = waitFor("degraded", WAIT).until(engine::status, s -> s.phase() == AudioPhase.DEGRADED);

        assertThat(status.counters().deadlineMisses()).isGreaterThan(5);
        assertThat(status.counters().maxLatenessMs()).isGreaterThan(1);
        assertThat(status.diagnostic().message()).contains("missed their deadline");
        assertThat(status.diagnostic().hint()).contains("-Dwavecraft.blockSize=512");
    }

    @Test
    void swapsFiftyProcessorsWithACrossfadeEachAndDropsNothing() throws Exception {
        // Long blocks (43 ms): on a busy machine a late wake-up must not pass for a slow swap.
        start(new TestProcessors.Gain(), InputSpec.tone(440, 0.5), OutputOpener.silent(), 2048);
        for (int generation = 2; generation <= 51; generation++) {
            Processor next = new TestProcessors.Gain();
            engine.swapIn(generation, next, TestProcessors.layoutOf(next));
            long swaps = generation;
            waitFor("swap to generation " + generation, WAIT)
                    .until(engine::counters, c -> c.swaps() == swaps && c.crossfades() == swaps - 1);
        }

        AudioCounts counts = engine.counters();
        assertThat(counts.droppedBlocks()).as("%s", counts).isZero();
        assertThat(counts.swapDeadlineMisses()).as("%s", counts).isZero();
        assertThat(engine.status().generation()).isEqualTo(51);
    }

    @Test
    void preparesProcessorsAndCountsBeforeItStartsAndClosesWithoutHavingStarted() {
        Processor gain = new TestProcessors.Gain();
        parameters = new ParameterHost(TestProcessors.layoutOf(gain));
        AudioEngine built = AudioEngine.builder(AudioSettings.ofBlockSize(256), parameters)
                .output(OutputOpener.silent()).build();

        assertThat(built.prepare(1, gain, TestProcessors.layoutOf(gain)).getAsBoolean()).as("heard").isFalse();

        assertThat(built.counters().blocks()).isZero();
        assertThat(built.status().phase()).isEqualTo(AudioPhase.INITIALIZING);
        built.close();
    }

    @Test
    void startsOnlyOnce() throws Exception {
        Processor gain = new TestProcessors.Gain();
        start(gain, InputSpec.tone(440, 0.5), OutputOpener.silent());

        assertThatThrownBy(() -> engine.start(2, gain, TestProcessors.layoutOf(gain), Rollback.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
    }

    private void start(Processor processor, InputSpec input, OutputOpener output) throws Exception {
        start(processor, input, output, 512);
    }

    private void start(Processor processor, InputSpec input, OutputOpener output, int blockSize) throws Exception {
        ParameterLayout layout = TestProcessors.layoutOf(processor);
        parameters = new ParameterHost(layout);
        engine = AudioEngine.builder(AudioSettings.ofBlockSize(blockSize), parameters).input(input).output(output)
                .events(recorder).start(1, processor, layout);
    }

    /** The first meter frame measured entirely after {@code millis}. */
    private MeterFrame frameAfter(long millis) {
        // A frame's timestamp is when its window ended; skip one window to be sure it began after too.
        MeterFrame first = waitFor("a meter frame after " + millis, WAIT)
                .until(() -> engine.meterFrame().orElse(null), f -> f != null && f.timestamp() > millis);
        return waitFor("the next meter frame", WAIT)
                .until(() -> engine.meterFrame().orElse(null), f -> f.timestamp() > first.timestamp());
    }

    private static List<Integer> risingZeroCrossings(float[] points) {
        List<Integer> crossings = new ArrayList<>();
        for (int i = 1; i < points.length; i++) {
            if (points[i - 1] < 0 && points[i] >= 0) {
                crossings.add(i);
            }
        }
        return crossings;
    }
}
