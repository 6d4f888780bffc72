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
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.reload.BuildReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloads through the real control channel while a real server plays, read back through getAudioStatus. */
class AudioReloadTest {

    private static final String SECRET = "a-per-run-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int BLOCK_SIZE = 2048;

    @TempDir
    Path project;

    private DevServer server;
    private ControlClient control;

    @AfterEach
    void stop() throws IOException {
        if (control != null) {
            control.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void reloadsFiftyTimesDuringPlaybackWithoutDroppingABlock() throws Exception {
        start("");
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            JsonObject status = null;
            for (int i = 1; i <= 50; i++) {
                assertThat(reload().ok()).isTrue();
                long fades = i;
                // A reload that arrives before the previous one was heard replaces it; wait, as a user would.
                status = waitFor("crossfade " + i, WAIT)
                        .until(() -> status(browser), s -> s.get("crossfades").getAsLong() == fades);
            }

            System.out.printf("50 reloads: %s%n", status);
            assertThat(status.get("swaps").getAsLong()).isEqualTo(51);
            assertThat(status.get("generation").getAsInt()).isEqualTo(51);
            assertThat(status.get("dropped_blocks").getAsLong()).as("%s", status).isZero();
            assertThat(status.get("swap_deadline_misses").getAsLong()).as("%s", status).isZero();
            assertThat(status.get("process_failures").getAsLong()).isZero();
            assertThat(status.get("max_swap_cpu_ms").getAsDouble()).isLessThan(BLOCK_SIZE / 48.0);
            // The reload history carries the counters as they were at each reload.
            JsonObject newest = browser.call("getReloadHistory", null).getAsJsonObject("result")
                    .getAsJsonArray("entries").get(0).getAsJsonObject();
            assertThat(newest.getAsJsonObject("audio").get("droppedBlocks").getAsLong()).isZero();
            assertThat(newest.getAsJsonObject("audio").get("crossfades").getAsLong()).isBetween(48L, 50L);
        }
    }

    @Test
    void rollsBackAGenerationWhoseProcessKeepsThrowingAndSaysWhy() throws Exception {
        start("");
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            waitFor("running", WAIT)
                    .until(() -> status(browser), s -> s.get("phase").getAsString().equals("runningInputOnly"));
            compile("if (block.frames() > 0) { throw new ArithmeticException(\"division by zero in the filter\"); }");

            assertThat(reload().ok()).isTrue();

            JsonObject degraded = browser.notification("audioStatusChanged", WAIT).getAsJsonObject("params");
            assertThat(degraded.get("phase").getAsString()).isEqualTo("degraded");
            assertThat(degraded.getAsJsonObject("diagnostic").get("message").getAsString())
                    .contains("generation 2", "division by zero in the filter", "demo.Tone.process(Tone.java:");
            // The rollback is a reload of its own: generation 3, after the reload to 2 (whose notice may come later).
            JsonObject completed = browser.notification("reloadCompleted", WAIT).getAsJsonObject("params");
            if (completed.get("generation").getAsInt() == 2) {
                completed = browser.notification("reloadCompleted", WAIT).getAsJsonObject("params");
            }
            assertThat(completed.get("generation").getAsInt()).isEqualTo(3);
            JsonObject healthy = waitFor("running again", WAIT)
                    .until(() -> status(browser), s -> s.get("phase").getAsString().equals("runningInputOnly"));
            assertThat(healthy.get("generation").getAsInt()).isEqualTo(3);
            assertThat(healthy.get("rollbacks").getAsLong()).isEqualTo(1);
            JsonObject rollback = healthy.getAsJsonObject("last_rollback");
            assertThat(rollback.get("failed_generation").getAsInt()).isEqualTo(2);
            assertThat(rollback.get("restored_as").getAsInt()).isEqualTo(3);
            assertThat(rollback.get("reason").getAsString()).contains("blocks in a row", "ArithmeticException");
            JsonObject newest = browser.call("getReloadHistory", null).getAsJsonObject("result")
                    .getAsJsonArray("entries").get(0).getAsJsonObject();
            assertThat(newest.get("outcome").getAsString()).isEqualTo("rolledBack");
            assertThat(server.live().number()).isEqualTo(3);
        }
    }

    private void start(String processBody) throws Exception {
        compile(processBody);
        // Long blocks (43 ms) leave room for a busy test machine: its stalls are not the swap's.
        server = DevServer.start(new DevServerOptions(project.resolve("target/wavecraft/project.classpath"))
                .withProcessorTimeout(Duration.ofSeconds(5))
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()))
                .withAudio(new AudioOptions(BLOCK_SIZE, InputSpec.tone(440, 0.5), false, 0)), SECRET, () -> { });
        control = ControlClient.connect(server.controlPort(), SECRET, message -> { });
    }

    private ControlMessages.Reloaded reload() throws Exception {
        return control.reload(new ControlMessages.Reload(0, List.of(project.resolve("target/classes").toString()),
                List.of(), new BuildReport(List.of("src/main/java/demo/Tone.java"), "change", 0, 0)), WAIT);
    }

    private static JsonObject status(RpcTestClient browser) {
        return browser.call("getAudioStatus", null).getAsJsonObject("result").getAsJsonObject("status");
    }

    private void compile(String processBody) {
        CompiledProject.withProcessor(project, "demo.Tone", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Tone implements Processor {
                    static final FloatParameter GAIN = FloatParameter.of("gain", "Gain", -60, 12, 0);
                    public List<Parameter> parameters() {
                        return List.of(GAIN);
                    }
                    public void process(AudioBlock block, ParameterValues values) {
                        %s
                        float gain = (float) Math.pow(10, values.get(GAIN) / 20);
                        for (int c = 0; c < block.channelCount(); c++) {
                            float[] samples = block.channel(c);
                            for (int i = 0; i < block.frames(); i++) {
                                samples[i] *= gain;
                            }
                        }
                    }
                }
                """.formatted(processBody)).classpathFile();
    }
}
