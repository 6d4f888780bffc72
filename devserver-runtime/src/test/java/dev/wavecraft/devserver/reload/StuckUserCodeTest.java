package dev.wavecraft.devserver.reload;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.reload.BuildReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor whose code outside the audio callback never returns, reloaded into a real server
 * through the real control channel: the reload gives up on it, the server keeps answering, and the
 * next save reloads as usual.
 */
class StuckUserCodeTest {

    private static final String SECRET = "a-per-run-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration PROCESSOR_TIMEOUT = Duration.ofSeconds(1);
    private static final String SLEEPS_IN_PREPARE = """
            public void prepare(double sampleRate, int maxBlockSize) {
                try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { }
            }
            """;
    /** How long a ping may take while a reload is stuck: a page must not notice. */
    private static final Duration PING_BOUND = Duration.ofMillis(100);

    @TempDir
    Path project;

    private DevServer server;
    private ControlClient control;

    @BeforeEach
    void start() throws Exception {
        compile("", "");
        server = DevServer.start(new DevServerOptions(project.resolve("target/wavecraft/project.classpath"))
                .withProcessorTimeout(PROCESSOR_TIMEOUT)
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of())), SECRET, () -> { });
        control = ControlClient.connect(server.controlPort(), SECRET, message -> { });
    }

    @AfterEach
    void stop() throws IOException {
        control.close();
        server.close();
    }

    @Test
    void reloadsTheNextSaveNormallyAfterAPrepareThatNeverReturns() throws Exception {
        compile("", SLEEPS_IN_PREPARE);

        Reloaded stuck = reload();

        assertThat(stuck.ok()).isFalse();
        assertThat(stuck.stage()).isEqualTo("prepare");
        assertThat(stuck.message()).contains("demo.Tone.prepare", "did not return within 1000 ms",
                "wavecraft-generation-2-prepare", "demo.Tone.prepare(Tone.java:");
        assertThat(server.live().number()).isEqualTo(1);
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            assertThat(browser.call("getReloadStatus", null).getAsJsonObject("result").get("state").getAsString())
                    .isEqualTo("failed");

            compile("FloatParameter.of(\"width\", \"Width\", 0, 2, 1),", "");
            Reloaded fixed = reload();

            assertThat(fixed.ok()).isTrue();
            assertThat(fixed.generation()).isEqualTo(3);
            assertThat(browser.parameterIds()).containsExactly("width", "gain");
            assertThat(browser.call("getReloadStatus", null).getAsJsonObject("result").get("state").getAsString())
                    .isEqualTo("idle");
        }
    }

    @Test
    void answersPingsWithinABoundWhileARollbackWaitsOnAStuckReload() throws Exception {
        compile("FloatParameter.of(\"width\", \"Width\", 0, 2, 1),", "");
        assertThat(reload().ok()).isTrue();
        compile("", SLEEPS_IN_PREPARE);
        try (RpcTestClient browser = RpcTestClient.connect(server.port());
                RpcTestClient pinger = RpcTestClient.connect(server.port())) {
            CompletableFuture<Reloaded> stuck = CompletableFuture.supplyAsync(this::reloadUnchecked);
            waitFor("the reload under way", WAIT).until(() -> browser.call("getReloadStatus", null)
                    .getAsJsonObject("result").get("state").getAsString(), "reloading"::equals);

            browser.send("{\"jsonrpc\": \"2.0\", \"method\": \"rollback\", \"id\": \"back\"}");
            List<Long> pings = pingUntilDone(pinger, stuck);

            Collections.sort(pings);
            long slowest = pings.get(pings.size() - 1);
            System.out.printf("Pings during a stuck reload and a rollback: %d, median %.1f ms, slowest %.1f ms%n",
                    pings.size(), pings.get(pings.size() / 2) / 1e6, slowest / 1e6);
            assertThat(Duration.ofNanos(slowest)).isLessThan(PING_BOUND);
            assertThat(stuck.join().ok()).isFalse();
            JsonObject rollback = JsonParser.parseString(browser.nextReplyFrame()).getAsJsonObject();
            assertThat(rollback.get("id").getAsString()).isEqualTo("back");
            // Queued behind the stuck reload, and done once that reload gave up.
            assertThat(rollback.getAsJsonObject("result").get("generation").getAsInt()).isEqualTo(4);
            assertThat(browser.call("ping", null).has("result")).isTrue();
        }
    }

    /** Pings one after another until {@code done} completes, and a little after; the round trips in nanoseconds. */
    private static List<Long> pingUntilDone(RpcTestClient pinger, CompletableFuture<?> done) {
        List<Long> roundTrips = new ArrayList<>();
        long after = 0;
        while (after < 20) {
            long start = System.nanoTime();
            pinger.call("ping", null);
            roundTrips.add(System.nanoTime() - start);
            if (done.isDone()) {
                after++;
            }
        }
        return roundTrips;
    }

    private Reloaded reload() throws Exception {
        return control.reload(new ControlMessages.Reload(0, List.of(project.resolve("target/classes").toString()),
                List.of(), new BuildReport(List.of("src/main/java/demo/Tone.java"), "change", 0, 0)), WAIT);
    }

    private Reloaded reloadUnchecked() {
        try {
            return reload();
        } catch (Exception e) {
            throw new IllegalStateException("The stuck reload got no answer", e);
        }
    }

    /** Compiles demo.Tone with gain, plus extra parameters first and extra members. */
    private void compile(String extraParameters, String extraMembers) {
        CompiledProject.withProcessor(project, "demo.Tone", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Tone implements Processor {
                    %s
                    public List<Parameter> parameters() {
                        return List.of(%s FloatParameter.of("gain", "Gain", -60, 12, 0));
                    }
                    public void process(AudioBlock block, ParameterValues values) { }
                }
                """.formatted(extraMembers, extraParameters)).classpathFile();
    }
}
