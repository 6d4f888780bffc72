package dev.wavecraft.devserver.audio;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.reload.BuildReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor whose {@code process()} never returns on the audio thread (and only there: its
 * warm-up passes), reloaded into a real playing server: the audio watchdog gives up on that thread,
 * says so, and the last good generation is heard again on a fresh one; a fix loaded while the thread
 * is stuck is answered as not heard yet, and is heard on the fresh thread.
 */
class StuckAudioThreadTest {

    private static final String SECRET = "a-per-run-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** From the reload to the old code heard again: the watchdog's bound, a rollback and its warm-up. */
    private static final Duration HEARD_AGAIN_WITHIN = Duration.ofSeconds(5);
    private static final int BLOCK_SIZE = 1024;
    private static final String SPINS_ON_THE_AUDIO_THREAD =
            "while (Thread.currentThread().getName().equals(\"wavecraft-audio\")) { Thread.onSpinWait(); }";

    @TempDir
    Path project;
    /** Where a fix is compiled ahead, so it can be loaded while the audio thread is still stuck. */
    @TempDir
    Path fix;

    private final List<ControlMessages.Decoded> toTheBuildTool = new CopyOnWriteArrayList<>();
    private DevServer server;
    private ControlClient control;

    private void start(int blockSize) throws Exception {
        compile(project, "", 1);
        server = DevServer.start(new DevServerOptions(project.resolve("target/wavecraft/project.classpath"))
                .withProcessorTimeout(Duration.ofSeconds(5))
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()))
                .withAudio(new AudioOptions(blockSize, InputSpec.tone(440, 0.5), false, 0)), SECRET, () -> { });
        control = ControlClient.connect(server.controlPort(), SECRET, toTheBuildTool::add);
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            control.close();
            server.close();
        }
    }

    @Test
    void hearsTheLastGoodGenerationAgainAndSaysWhyWhenProcessHangsOnTheAudioThread() throws Exception {
        start(BLOCK_SIZE);
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            awaitFirstGenerationHeard(browser);
            compile(project, SPINS_ON_THE_AUDIO_THREAD, 1);

            long reloadedAt = System.nanoTime();
            ControlMessages.Reloaded hanging = reload(project);
            assertThat(hanging.ok()).isTrue();
            assertThat(hanging.heard()).as("taken up, then hangs").isTrue();

            JsonObject degraded = browser.notification("audioStatusChanged", WAIT).getAsJsonObject("params");
            assertThat(degraded.get("phase").getAsString()).isEqualTo("degraded");
            assertThat(degraded.getAsJsonObject("diagnostic").get("message").getAsString())
                    .contains("generation 2", "did not return", "demo.Tone.process(Tone.java:");
            JsonObject heardAgain = waitFor("the old code heard again", HEARD_AGAIN_WITHIN)
                    .until(() -> status(browser), s -> s.get("generation").getAsInt() == 3 && peak(browser) > 0.4);
            double seconds = (System.nanoTime() - reloadedAt) / 1e9;
            long blocks = heardAgain.get("blocks_processed").getAsLong();
            waitFor("blocks processed again", WAIT).until(() -> status(browser).get("blocks_processed").getAsLong(),
                    processed -> processed > blocks + 10);
            System.out.printf("A process() stuck on the audio thread: the last good code heard again after %.2f s%n",
                    seconds);
            assertThat(peak(browser)).isBetween(0.4, 0.6);
            assertThat(server.live().number()).isEqualTo(3);
            String paused = waitFor("auto-reload paused", WAIT).until(() -> toTheBuildTool.stream()
                    .filter(message -> message.is(ControlMessages.AutoReloadPaused.class)).findFirst(),
                    found -> found.isPresent()).get().as(ControlMessages.AutoReloadPaused.class).reason();
            assertThat(paused).startsWith("Generation 2 hung in process() (it did not return within 200 ms on the audio"
                    + " thread, stuck at demo.Tone.process(Tone.java:").contains("runs again as generation 3")
                    .doesNotContain("crashing");

            compile(project, "", 0.5);
            ControlMessages.Reloaded fixed = reload(project);
            assertThat(fixed.ok()).isTrue();
            assertThat(fixed.heard()).isTrue();

            waitFor("the fixed generation heard", WAIT).until(() -> status(browser),
                    s -> s.get("generation").getAsInt() == 4 && peak(browser) < 0.3 && peak(browser) > 0.2);
        }
    }

    @Test
    void answersNotHeardForAFixLoadedWhileTheAudioThreadIsStuckAndPlaysItOnTheFreshThread() throws Exception {
        // Long blocks give a long watchdog bound, so the fix is surely loaded before the watchdog acts.
        int blockSize = AudioSettings.MAX_BLOCK_SIZE;
        Duration bound = AudioWatchdog.bound(AudioSettings.ofBlockSize(blockSize));
        start(blockSize);
        compile(fix, "", 0.5);
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            awaitFirstGenerationHeard(browser);
            compile(project, SPINS_ON_THE_AUDIO_THREAD, 1);
            assertThat(reload(project).heard()).isTrue();

            long reloadedAt = System.nanoTime();
            ControlMessages.Reloaded whileStuck = reload(fix);
            long answeredMs = (System.nanoTime() - reloadedAt) / 1_000_000;

            assertThat(whileStuck.ok()).isTrue();
            assertThat(whileStuck.generation()).isEqualTo(3);
            assertThat(whileStuck.heard()).isFalse();
            assertThat(answeredMs).isLessThan(bound.toMillis() + HEARD_AGAIN_WITHIN.toMillis());
            System.out.printf("A fix loaded while process() is stuck: answered not heard after %d ms (bound %d ms,"
                    + " reload step %d ms)%n", answeredMs, bound.toMillis(), whileStuck.reloadMs());
            waitFor("the fix heard on the fresh thread", HEARD_AGAIN_WITHIN).until(() -> status(browser),
                    s -> s.get("generation").getAsInt() == 3 && peak(browser) < 0.3 && peak(browser) > 0.2);
            assertThat(server.live().number()).as("nothing rolled back over the fix").isEqualTo(3);
            assertThat(toTheBuildTool).noneMatch(message -> message.is(ControlMessages.AutoReloadPaused.class));
        }
    }

    private void awaitFirstGenerationHeard(RpcTestClient browser) {
        waitFor("the first generation heard", WAIT).until(() -> status(browser),
                s -> s.get("phase").getAsString().equals("runningInputOnly") && s.get("blocks_processed").getAsLong() > 20);
    }

    private static JsonObject status(RpcTestClient browser) {
        return browser.call("getAudioStatus", null).getAsJsonObject("result").getAsJsonObject("status");
    }

    private static double peak(RpcTestClient browser) {
        JsonObject frame = browser.call("getMeterFrame", null).getAsJsonObject("result").getAsJsonObject("frame");
        return frame == null ? 0 : frame.get("peak_l").getAsDouble();
    }

    private ControlMessages.Reloaded reload(Path compiled) throws Exception {
        return control.reload(new ControlMessages.Reload(0, List.of(compiled.resolve("target/classes").toString()),
                List.of(), new BuildReport(List.of("src/main/java/demo/Tone.java"), "change", 0, 0)), WAIT);
    }

    /** demo.Tone into {@code directory}: {@code processBody} first, then the tone scaled by {@code factor}. */
    private static void compile(Path directory, String processBody, double factor) {
        CompiledProject.withProcessor(directory, "demo.Tone", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
                public class Tone implements Processor {
                    public List<Parameter> parameters() {
                        return List.of(FloatParameter.of("gain", "Gain", -60, 12, 0));
                    }
                    public void process(AudioBlock block, ParameterValues values) {
                        %s
                        for (int c = 0; c < block.channelCount(); c++) {
                            float[] samples = block.channel(c);
                            for (int i = 0; i < block.frames(); i++) {
                                samples[i] *= %sf;
                            }
                        }
                    }
                }
                """.formatted(processBody, factor)).classpathFile();
    }
}
