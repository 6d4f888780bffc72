package dev.wavecraft.devserver.reload;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.devserver.testing.Waits;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.reload.BuildReport;
import dev.wavecraft.protocol.reload.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloads through the real control channel into a real server, with projects recompiled by javac. */
class HotReloadTest {

    private static final String SECRET = "a-per-run-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path project;

    private DevServer server;
    private ControlClient control;
    private final LinkedBlockingQueue<ControlMessages.Decoded> fromServer = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        compile("", "");
        server = DevServer.start(new DevServerOptions(project.resolve("target/wavecraft/project.classpath"))
                .withProcessorTimeout(Duration.ofSeconds(1))
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of())), SECRET, () -> { });
        control = ControlClient.connect(server.controlPort(), SECRET, fromServer::add);
    }

    @AfterEach
    void stop() throws IOException {
        control.close();
        server.close();
    }

    @Test
    void addsAParameterAndKeepsTheValuesOfTheOthers() throws Exception {
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            browser.call("setParameter", valueParams("gain", -6.5));
            compile("FloatParameter.of(\"width\", \"Width\", 0, 2, 1),", "");

            Reloaded reloaded = reload();

            assertThat(reloaded.ok()).isTrue();
            assertThat(reloaded.generation()).isEqualTo(2);
            JsonObject changed = browser.notification("parametersChanged").getAsJsonObject("params");
            assertThat(ids(changed.getAsJsonArray("added"))).containsExactly("width");
            assertThat(ids(changed.getAsJsonArray("kept"))).containsExactly("gain", "mode");
            assertThat(changed.get("generation").getAsInt()).isEqualTo(2);
            assertThat(browser.notification("reloadCompleted").getAsJsonObject("params").get("generation").getAsInt())
                    .isEqualTo(2);
            JsonArray parameters = browser.call("getAllParameters", null).getAsJsonObject("result")
                    .getAsJsonArray("parameters");
            assertThat(parameters.get(0).getAsJsonObject().get("id").getAsString()).isEqualTo("width");
            assertThat(browser.valueOf("gain")).isEqualTo(-6.5);
            assertThat(browser.valueOf("width")).isEqualTo(1);
        }
    }

    @Test
    void keepsTheOldGenerationWhenTheNewConstructorThrowsAndTellsLateBrowsers() throws Exception {
        compile("", "public Tone() { throw new IllegalStateException(\"bad wavetable\"); }");

        Reloaded reloaded = reload();

        assertThat(reloaded.ok()).isFalse();
        assertThat(reloaded.stage()).isEqualTo("load");
        assertThat(reloaded.message()).contains("demo.Tone", "bad wavetable");
        assertThat(server.live().number()).isEqualTo(1);
        try (RpcTestClient late = RpcTestClient.connect(server.port())) {
            JsonObject failure = late.notification("reloadFailed").getAsJsonObject("params");
            assertThat(failure.get("message").getAsString()).contains("bad wavetable");
            assertThat(late.call("setParameter", valueParams("gain", -3)).has("result")).isTrue();
            JsonObject status = late.call("getReloadStatus", null).getAsJsonObject("result");
            assertThat(status.get("state").getAsString()).isEqualTo("failed");
            assertThat(status.get("generation").getAsInt()).isEqualTo(1);
        }
    }

    @Test
    void givesUpOnAStaticInitialiserThatNeverReturns() throws Exception {
        compile("", "static { try { new java.util.concurrent.CountDownLatch(1).await(); }"
                + " catch (InterruptedException e) { throw new IllegalStateException(e); } }");

        Reloaded reloaded = reload();

        assertThat(reloaded.ok()).isFalse();
        assertThat(reloaded.message()).contains("demo.Tone", "did not finish within 1000 ms",
                "its static initialiser is blocked or loops");
        assertThat(server.live().number()).isEqualTo(1);
    }

    @Test
    void blamesAnOutOfMemoryErrorInTheStaticInitialiserOnTheStaticInitialiserAndKeepsTheOldGenerationLive()
            throws Exception {
        // An array larger than any heap can hold: out of memory at once, whatever -Xmx the test JVM has.
        compile("", "static final byte[] TABLE = new byte[Integer.MAX_VALUE];");

        Reloaded reloaded = reload();

        assertThat(reloaded.ok()).isFalse();
        assertThat(reloaded.stage()).isEqualTo("load");
        assertThat(reloaded.message()).startsWith("The static initialiser of demo.Tone threw java.lang.OutOfMemoryError")
                .contains("(at demo.Tone.<clinit>(Tone.java:").doesNotContain("parameters()");
        assertThat(server.live().number()).isEqualTo(1);
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            assertThat(browser.parameterIds()).containsExactly("gain", "mode");
        }
    }

    @Test
    void rollsBackToThePreviousParameterList() throws Exception {
        compile("FloatParameter.of(\"width\", \"Width\", 0, 2, 1),", "");
        assertThat(reload().ok()).isTrue();

        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            JsonObject result = browser.call("rollback", null).getAsJsonObject("result");

            assertThat(result.get("generation").getAsInt()).isEqualTo(3);
            JsonArray parameters = browser.call("getAllParameters", null).getAsJsonObject("result")
                    .getAsJsonArray("parameters");
            assertThat(parameters).hasSize(2);
            JsonObject newest = browser.call("getReloadHistory", null).getAsJsonObject("result")
                    .getAsJsonArray("entries").get(0).getAsJsonObject();
            assertThat(newest.get("outcome").getAsString()).isEqualTo("rolledBack");
            assertThat(newest.getAsJsonArray("removed").get(0).getAsString()).isEqualTo("width");
        }
    }

    @Test
    void forwardsBuildReportsToBrowsersAndShowsTheLastFailureToLateOnes() throws Exception {
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            control.send(new ControlMessages.BuildStarted(List.of("src/main/java/demo/Tone.java"), "change"));
            assertThat(browser.notification("buildStarted").getAsJsonObject("params").get("trigger").getAsString())
                    .isEqualTo("change");

            control.send(new ControlMessages.BuildFailed(report(),
                    List.of(new Diagnostic("src/main/java/demo/Tone.java", 7, 12, "error", "';' expected")), "output"));

            JsonObject failed = browser.notification("buildFailed").getAsJsonObject("params");
            assertThat(failed.getAsJsonArray("diagnostics").get(0).getAsJsonObject().get("line").getAsInt()).isEqualTo(7);
        }
        try (RpcTestClient late = RpcTestClient.connect(server.port())) {
            assertThat(late.notification("buildFailed").getAsJsonObject("params").get("output").getAsString())
                    .isEqualTo("output");
        }
    }

    @Test
    void asksTheBuildToolForABuildWhenABrowserTriggersOne() throws Exception {
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            browser.call("triggerReload", null);
            browser.call("setAutoReload", autoReload(false));

            nextFromServer(ControlMessages.BuildRequested.class);
            assertThat(nextFromServer(ControlMessages.AutoReload.class).enabled()).isFalse();
            assertThat(browser.call("getReloadStatus", null).getAsJsonObject("result").get("autoReload").getAsBoolean())
                    .isFalse();
        }
    }

    @Test
    void closesAControlConnectionWithoutTheSecretAndChangesNothing() throws Exception {
        try (ControlClient intruder = ControlClient.connect(server.controlPort(), "guess", message -> { })) {
            intruder.onClose().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThatThrownBy(() -> intruder.reload(reloadRequest(), WAIT)).isInstanceOf(IOException.class);
        }
        assertThat(server.live().number()).isEqualTo(1);
        assertThat(reload().ok()).isTrue();
    }

    @Test
    void closesOnlyTheControlConnectionThatSendsGarbageAfterItsHello() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.controlPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write((ControlMessages.encode(new ControlMessages.Hello(SECRET)) + "\n{not json\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // Read to the end: a socket timeout here would mean the server left the connection open.
            String received = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(received.lines()).as("what the server sent before closing").allMatch(line -> line.contains("CurrentValues"));
        }

        assertThat(reload().ok()).isTrue();
    }

    @Test
    void keepsTheBuildToolToldOfEveryValueAndSetsBackTheValuesItRestores() throws Exception {
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            assertThat(nextFromServer(ControlMessages.CurrentValues.class).values())
                    .containsExactly(Map.entry("gain", 0.0), Map.entry("mode", 0.0));

            browser.call("setParameter", valueParams("gain", -9));

            assertThat(nextFromServer(ControlMessages.CurrentValues.class).values()).containsEntry("gain", -9.0);

            control.send(new ControlMessages.RestoreValues(Map.of("gain", -3.0, "mode", 1.0, "gone", 0.5)));

            assertThat(nextFromServer(ControlMessages.CurrentValues.class).values()).hasSize(2);
            assertThat(nextFromServer(ControlMessages.CurrentValues.class).values())
                    .containsOnly(Map.entry("gain", -3.0), Map.entry("mode", 1.0));
            assertThat(browser.valueOf("gain")).isEqualTo(-3.0);
            assertThat(browser.valueOf("mode")).isEqualTo(1.0);
        }
    }

    @Test
    void rollsBackAGenerationThatKeepsCrashingAndPausesAutoReloadUntilTheNextGoodReload() throws Exception {
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            compile("", "private int blocks;", "if (++blocks > 40) throw new IllegalStateException(\"boom\");");
            assertThat(reload().generation()).isEqualTo(2);

            String reason = nextFromServer(ControlMessages.AutoReloadPaused.class).reason();

            assertThat(reason).contains("Generation 2 kept crashing", "boom", "until the next successful build");
            JsonObject crashed = browser.notification("reloadFailed").getAsJsonObject("params");
            assertThat(crashed.get("stage").getAsString()).isEqualTo("crashed");
            JsonObject paused = browser.call("getReloadStatus", null).getAsJsonObject("result");
            assertThat(paused.get("autoReload").getAsBoolean()).isFalse();
            assertThat(paused.get("paused").getAsString()).isEqualTo(reason);
            assertThat(paused.get("generation").getAsInt()).isEqualTo(3);
            assertThat(browser.call("rollback", com.google.gson.JsonParser.parseString("{\"generation\": 2}"))
                    .getAsJsonObject("error").get("message").getAsString()).contains("kept crashing");

            browser.drain();
            compile("", "");
            assertThat(reload().ok()).isTrue();

            assertThat(nextFromServer(ControlMessages.AutoReload.class).enabled()).isTrue();
            // A browser that asks on hearing of the reload already gets the resumed status.
            browser.notification("reloadCompleted");
            JsonObject resumed = browser.call("getReloadStatus", null).getAsJsonObject("result");
            assertThat(resumed.get("state").getAsString()).isEqualTo("idle");
            assertThat(resumed.get("autoReload").getAsBoolean()).isTrue();
            assertThat(resumed.has("paused")).isFalse();
        }
    }

    /** The server's next message of {@code type}, skipping others (value reports arrive all the time). */
    private <T> T nextFromServer(Class<T> type) {
        return Waits.next(fromServer, message -> message.is(type), type.getSimpleName() + " from the server", WAIT)
                .as(type);
    }

    private Reloaded reload() throws Exception {
        return control.reload(reloadRequest(), WAIT);
    }

    private ControlMessages.Reload reloadRequest() {
        return new ControlMessages.Reload(0, List.of(project.resolve("target/classes").toString()), List.of(),
                report());
    }

    private static BuildReport report() {
        return new BuildReport(List.of("src/main/java/demo/Tone.java"), "change", 100, 900);
    }

    /** Compiles demo.Tone with gain and mode, plus extra parameters first and extra members. */
    private void compile(String extraParameters, String extraMembers) {
        compile(extraParameters, extraMembers, "");
    }

    private void compile(String extraParameters, String extraMembers, String onEachBlock) {
        CompiledProject.withProcessor(project, "demo.Tone", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Tone implements Processor {
                    %s
                    public List<Parameter> parameters() {
                        return List.of(%s FloatParameter.of("gain", "Gain", -60, 12, 0),
                                EnumParameter.of("mode", "Mode", "A", "B"));
                    }
                    public void process(AudioBlock block, ParameterValues values) { %s }
                }
                """.formatted(extraMembers, extraParameters, onEachBlock)).classpathFile();
    }

    private static List<String> ids(JsonArray array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.getAsString()));
        return ids;
    }

    private static JsonElement autoReload(boolean enabled) {
        return com.google.gson.JsonParser.parseString("{\"enabled\": " + enabled + "}");
    }
}
