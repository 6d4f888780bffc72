package dev.wavecraft.devserver.audio;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.audio.wav.WavAudio;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.devserver.testing.WavFiles;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.options.SampleFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audio methods over a real WebSocket, against the example processor in a real server. */
class AudioRpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path project;

    private DevServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersTheMeterOscilloscopeAndStatusMethodsInTheProtocolsShapes() throws Exception {
        start(0);
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            JsonObject meter = poll(browser, "getMeterFrame", "frame");
            assertThat(meter.keySet()).containsExactlyInAnyOrder("peak_l", "peak_r", "rms_l", "rms_r", "timestamp");
            assertThat(meter.get("peak_l").getAsDouble()).isBetween(0.45, 0.55);
            assertThat(meter.get("rms_r").getAsDouble()).isBetween(0.30, 0.40);
            assertThat(meter.get("timestamp").getAsLong()).isGreaterThan(1_600_000_000_000L);

            JsonObject scope = poll(browser, "getOscilloscopeFrame", "frame");
            assertThat(scope.keySet()).containsExactlyInAnyOrder("points_l", "points_r", "sample_rate", "timestamp",
                    "no_signal", "trigger_mode");
            assertThat(scope.getAsJsonArray("points_l")).hasSize(1024);
            assertThat(scope.getAsJsonArray("points_r")).hasSize(1024);
            assertThat(scope.get("sample_rate").getAsInt()).isEqualTo(48_000);
            assertThat(scope.get("no_signal").getAsBoolean()).isFalse();
            assertThat(scope.get("trigger_mode").getAsString()).isEqualTo("risingZeroCrossing");

            JsonObject status = browser.call("getAudioStatus", null).getAsJsonObject("result").getAsJsonObject("status");
            assertThat(status.get("phase").getAsString()).as("status %s", status).isEqualTo("runningInputOnly");
            assertThat(status.has("diagnostic")).isFalse();
            assertThat(status.get("sample_rate").getAsInt()).isEqualTo(48_000);
            assertThat(status.get("buffer_size").getAsInt()).isEqualTo(512);
            assertThat(status.get("updated_at_ms").getAsLong()).isGreaterThan(1_600_000_000_000L);
            assertThat(status.keySet()).contains("blocks_processed", "deadline_misses", "dropped_blocks",
                    "max_lateness_ms", "swaps", "crossfades", "swap_deadline_misses", "process_failures", "generation");
            assertThat(status.get("blocks_processed").getAsLong()).isPositive();
            assertThat(status.get("swaps").getAsLong()).isEqualTo(1);
        }
    }

    @Test
    void switchesTheInputSourceAndTellsTheOtherClientsButNotTheOneThatAsked() throws Exception {
        start(0);
        try (RpcTestClient setter = RpcTestClient.connect(server.port());
                RpcTestClient watcher = RpcTestClient.connect(server.port())) {
            assertThat(setter.call("getInputSource", null).getAsJsonObject("result"))
                    .isEqualTo(json("{\"kind\":\"tone\",\"frequency\":1000.0,\"level\":0.5}"));
            watcher.call("ping", null);

            JsonObject reply = setter.call("setInputSource", json("{\"kind\":\"silence\"}"));

            assertThat(reply.getAsJsonObject("result")).isEqualTo(json("{\"kind\":\"silence\"}"));
            assertThat(watcher.notification("inputSourceChanged").getAsJsonObject("params"))
                    .isEqualTo(json("{\"kind\":\"silence\"}"));
            assertThat(setter.call("ping", null).has("result")).isTrue();
            assertThat(setter.notificationOrNull("inputSourceChanged", Duration.ofMillis(200))).isNull();
            JsonObject silent = pollUntil(setter, "getOscilloscopeFrame", "frame",
                    frame -> frame.get("no_signal").getAsBoolean());
            assertThat(silent.get("no_signal").getAsBoolean()).isTrue();
            assertThat(setter.call("getInputSource", null).getAsJsonObject("result").get("kind").getAsString())
                    .isEqualTo("silence");
        }
    }

    @Test
    void playsAWavFileInALoopAtTheEnginesRate() throws Exception {
        start(0);
        float[] samples = new float[44_100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.8f * (float) Math.sin(2 * Math.PI * 441 * i / 44_100.0);
        }
        Path wav = project.resolve("take.wav");
        WavFiles.write(wav, new WavAudio(44_100, new float[][] {samples}, SampleFormat.PCM16));
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            JsonObject params = new JsonObject();
            params.addProperty("kind", "wav");
            params.addProperty("path", wav.toString());

            JsonObject result = browser.call("setInputSource", params).getAsJsonObject("result");

            assertThat(result.get("kind").getAsString()).isEqualTo("wav");
            assertThat(result.get("level").getAsDouble()).isEqualTo(1.0);
            JsonObject meter = pollUntil(browser, "getMeterFrame", "frame",
                    frame -> frame.get("peak_l").getAsDouble() > 0.7);
            assertThat(meter.get("peak_r").getAsDouble()).isBetween(0.7, 0.85);
        }
    }

    @Test
    void refusesBadInputSourcesWithInvalidParamsAndAClearMessage() throws Exception {
        start(0);
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            assertInvalid(browser, null, "'kind'");
            assertInvalid(browser, json("{\"kind\":\"sawtooth\"}"), "Unknown input kind 'sawtooth'; use one of tone,"
                    + " whiteNoise, pinkNoise, wav, silence");
            assertInvalid(browser, json("{\"kind\":\"tone\",\"frequency\":0}"), "frequency must be a number of Hz");
            assertInvalid(browser, json("{\"kind\":\"tone\",\"frequency\":30000}"), "below 24000");
            assertInvalid(browser, json("{\"kind\":\"pinkNoise\",\"level\":2}"), "within [0, 1]");
            assertInvalid(browser, json("{\"kind\":\"tone\",\"freq\":440}"),
                    "'freq' does not apply to tone; it takes frequency, kind, level");
            assertInvalid(browser, json("{\"kind\":\"wav\"}"), "'path' is missing");
            assertInvalid(browser, wavParams(project.resolve("none.wav")), "cannot read the WAV file");
            assertInvalid(browser, wavParams(project.resolve("target/wavecraft/project.classpath")),
                    "cannot read the WAV file");
            assertThat(browser.call("getInputSource", null).getAsJsonObject("result").get("kind").getAsString())
                    .isEqualTo("tone");
        }
    }

    @Test
    void givesTheSameMessageForAProtectedFileAMissingOneADirectoryAndAnotherKindOfFile() throws Exception {
        start(0);
        Path directory = Files.createDirectories(project.resolve("a-folder.wav"));
        List<Path> paths = List.of(Path.of("/etc/shadow"), project.resolve("missing.wav"), directory,
                project.resolve("target/wavecraft/project.classpath"));
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            List<String> messages = paths.stream().map(path -> browser.call("setInputSource", wavParams(path))
                    .getAsJsonObject("error").get("message").getAsString()).toList();

            assertThat(messages).as("the error for each of %s", paths).containsOnly("Invalid params: cannot read the"
                    + " WAV file: check that it exists, that the server may read it and that it is a WAV file"
                    + " (relative paths start at the project's folder)");
        }
    }

    @Test
    void refusesAWavOverTenMinutesSayingHowLongItIsAndWhatIsSupported() throws Exception {
        start(0);
        Path wav = WavFiles.write(project.resolve("long.wav"),
                new WavAudio(1000, new float[][] {new float[601_000]}, SampleFormat.PCM16));
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            assertInvalid(browser, wavParams(wav), "long.wav is 601 s long; up to 600 s are supported. Trim it first.");
        }
    }

    @Test
    void readsAWavOffTheIoThreadAnsweringAPingSentAfterItFirst() throws Exception {
        start(0);
        // 60 s of float stereo: 23 MB to read and convert, far longer than a ping takes.
        Path wav = WavFiles.write(project.resolve("big.wav"),
                new WavAudio(48_000, new float[2][60 * 48_000], SampleFormat.FLOAT32));
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            browser.send("{\"jsonrpc\":\"2.0\",\"id\":\"wav\",\"method\":\"setInputSource\",\"params\":"
                    + wavParams(wav) + "}");
            browser.send("{\"jsonrpc\":\"2.0\",\"id\":\"ping\",\"method\":\"ping\"}");

            JsonObject first = json(browser.nextReplyFrame());
            JsonObject second = json(browser.nextReplyFrame());

            assertThat(first.get("id").getAsString()).as("the first reply, %s", first).isEqualTo("ping");
            assertThat(second.get("id").getAsString()).isEqualTo("wav");
            assertThat(second.getAsJsonObject("result").get("kind").getAsString()).isEqualTo("wav");
        }
    }

    @Test
    void pushesMeterFramesAtTheConfiguredRate() throws Exception {
        start(20);
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            JsonObject first = browser.notification("meterFrame", WAIT).getAsJsonObject("params");
            JsonObject second = browser.notification("meterFrame", WAIT).getAsJsonObject("params");

            assertThat(first.keySet()).containsExactlyInAnyOrder("peak_l", "peak_r", "rms_l", "rms_r", "timestamp");
            assertThat(second.get("timestamp").getAsLong() - first.get("timestamp").getAsLong())
                    .as("at most 20 frames a second").isGreaterThanOrEqualTo(40);
        }
    }

    private void start(int meterPushHz) throws Exception {
        Path classpathFile = CompiledProject.example(project).classpathFile();
        server = DevServer.start(new DevServerOptions(classpathFile)
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()))
                .withAudio(new AudioOptions(512, InputSpec.tone(1000, 0.5), false, meterPushHz)), "secret", () -> { });
    }

    private static void assertInvalid(RpcTestClient browser, JsonElement params, String message) {
        JsonObject error = browser.call("setInputSource", params).getAsJsonObject("error");
        assertThat(error.get("code").getAsInt()).isEqualTo(-32602);
        assertThat(error.get("message").getAsString()).contains(message);
    }

    private static JsonObject poll(RpcTestClient browser, String method, String member) {
        return pollUntil(browser, method, member, frame -> true);
    }

    private static JsonObject pollUntil(RpcTestClient browser, String method, String member,
            java.util.function.Predicate<JsonObject> wanted) {
        JsonElement result = waitFor(method, WAIT)
                .until(() -> browser.call(method, null).getAsJsonObject("result").get(member),
                        value -> value.isJsonObject() && wanted.test(value.getAsJsonObject()));
        return result.getAsJsonObject();
    }

    private static JsonObject wavParams(Path path) {
        JsonObject params = new JsonObject();
        params.addProperty("kind", "wav");
        params.addProperty("path", path.toString());
        return params;
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

}
