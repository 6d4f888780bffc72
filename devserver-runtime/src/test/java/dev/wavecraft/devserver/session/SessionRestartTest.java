package dev.wavecraft.devserver.session;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.options.WorkbenchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real servers started one after the other on the same session file, as two runs of wavecraft:run are. */
class SessionRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String NARROW = """
            package it.fixture;

            import dev.wavecraft.api.AudioBlock;
            import dev.wavecraft.api.FloatParameter;
            import dev.wavecraft.api.Parameter;
            import dev.wavecraft.api.ParameterValues;
            import dev.wavecraft.api.Processor;
            import java.util.List;

            public final class Narrow implements Processor {
                public List<Parameter> parameters() {
                    return List.of(FloatParameter.of("drive", "Drive", 0, 12, 0),
                            FloatParameter.of("gain", "Gain", -60, 12, 0));
                }

                public void process(AudioBlock block, ParameterValues values) {
                }
            }
            """;

    @TempDir
    Path project;

    @Test
    void theValuesAndTheInputOfTheLastRunComeBack() throws Exception {
        Path classpath = CompiledProject.example(project.resolve("example")).classpathFile();
        try (DevServer first = start(classpath, true, InputSpec.defaultTone());
                RpcTestClient browser = RpcTestClient.connect(first.port())) {
            browser.call("setParameter", valueParams("gain", -7.5));
            browser.call("setParameter", valueParams("curve", 2));
            browser.call("setInputSource", JsonParser.parseString("{\"kind\":\"pinkNoise\",\"level\":0.5}"));
            waitFor("the session written", WAIT).until(() -> session().contains("pinkNoise"));
        }
        String written = session();
        assertThat(written).contains("\"gain\": -7.5", "\"curve\": 2.0");

        try (DevServer second = start(classpath, true, InputSpec.defaultTone());
                RpcTestClient browser = RpcTestClient.connect(second.port())) {
            JsonObject restored = browser.notification("sessionRestored").getAsJsonObject("params");
            assertThat(restored.getAsJsonArray("applied")).hasSize(4);
            assertThat(restored.getAsJsonArray("clamped")).isEmpty();
            assertThat(browser.valueOf("gain")).isEqualTo(-7.5);
            assertThat(browser.valueOf("curve")).isEqualTo(2);
            assertThat(browser.call("getInputSource", null).getAsJsonObject("result"))
                    .isEqualTo(JsonParser.parseString("{\"kind\":\"pinkNoise\",\"level\":0.5}"));
        }
    }

    @Test
    void aValueThatNoLongerFitsIsClampedOrDroppedAndTheBrowserIsTold() throws Exception {
        Path example = CompiledProject.example(project.resolve("example")).classpathFile();
        try (DevServer first = start(example, true, InputSpec.defaultTone());
                RpcTestClient browser = RpcTestClient.connect(first.port())) {
            browser.call("setParameter", valueParams("drive", 20));
            browser.call("setParameter", valueParams("bypass", 1));
            waitFor("the session written", WAIT).until(() -> session().contains("\"bypass\": 1.0"));
        }
        Path narrow = CompiledProject.withProcessor(project.resolve("narrow"), "it.fixture.Narrow", NARROW)
                .classpathFile();

        try (DevServer second = start(narrow, true, InputSpec.defaultTone());
                RpcTestClient browser = RpcTestClient.connect(second.port())) {
            JsonObject restored = browser.notification("sessionRestored").getAsJsonObject("params");
            assertThat(browser.valueOf("drive")).isEqualTo(12);
            assertThat(restored.getAsJsonArray("applied").toString()).isEqualTo("[\"gain\"]");
            assertThat(restored.getAsJsonArray("clamped").toString()).isEqualTo("[\"drive\"]");
            assertThat(restored.getAsJsonArray("dropped").toString()).isEqualTo("[\"curve\",\"bypass\"]");
            assertThat(restored.get("file").getAsString()).endsWith("session.json");
        }
    }

    @Test
    void startsFreshWhenAskedOrWhenTheInputWasChangedOnPurpose() throws Exception {
        Path classpath = CompiledProject.example(project.resolve("example")).classpathFile();
        try (DevServer first = start(classpath, true, InputSpec.defaultTone());
                RpcTestClient browser = RpcTestClient.connect(first.port())) {
            browser.call("setParameter", valueParams("gain", -3));
            browser.call("setInputSource", JsonParser.parseString("{\"kind\":\"silence\"}"));
            waitFor("the session written", WAIT).until(() -> session().contains("silence"));
        }

        try (DevServer fresh = start(classpath, false, InputSpec.defaultTone());
                RpcTestClient browser = RpcTestClient.connect(fresh.port())) {
            assertThat(browser.notificationOrNull("sessionRestored", Duration.ofMillis(300))).isNull();
            assertThat(browser.valueOf("gain")).isZero();
        }
        try (DevServer changed = start(classpath, true, InputSpec.whiteNoise(0.1));
                RpcTestClient browser = RpcTestClient.connect(changed.port())) {
            JsonObject restored = browser.notification("sessionRestored").getAsJsonObject("params");
            assertThat(restored.get("inputNote").getAsString()).contains("wavecraft.input changed since the last run");
            assertThat(browser.call("getInputSource", null).getAsJsonObject("result").get("kind").getAsString())
                    .isEqualTo("whiteNoise");
        }
    }

    @Test
    void compareComesBackOnWithItsSettingsAgainstTheGenerationTheNextRunStartsWith() throws Exception {
        Path classpath = CompiledProject.example(project.resolve("example")).classpathFile();
        try (DevServer first = start(classpath, true, InputSpec.defaultTone());
                RpcTestClient browser = RpcTestClient.connect(first.port())) {
            browser.call("setCompare", JsonParser.parseString(
                    "{\"enabled\":true,\"listening\":\"diff\",\"matchLoudness\":true}"));
            waitFor("the session written", WAIT).until(() -> session().contains("\"listening\": \"diff\""));
        }
        assertThat(session()).doesNotContain("\"a\":");

        try (DevServer second = start(classpath, true, InputSpec.defaultTone());
                RpcTestClient browser = RpcTestClient.connect(second.port())) {
            JsonObject restored = browser.notification("sessionRestored").getAsJsonObject("params");
            assertThat(restored.get("compare")).isEqualTo(JsonParser.parseString(
                    "{\"enabled\":true,\"listening\":\"diff\",\"matchLoudness\":true}"));
            JsonObject compare = browser.call("getCompare", null).getAsJsonObject("result");
            assertThat(compare.get("enabled").getAsBoolean()).isTrue();
            assertThat(compare.get("listening").getAsString()).isEqualTo("diff");
            assertThat(compare.get("matchLoudness").getAsBoolean()).isTrue();
            assertThat(compare.get("a").getAsInt()).as("A is the generation this run starts with")
                    .isEqualTo(second.live().number()).isEqualTo(compare.get("b").getAsInt());
            waitFor("A heard beside B", WAIT).until(() -> browser.call("getCompare", null).getAsJsonObject("result")
                    .getAsJsonObject("levels").get("a_rms_db").getAsDouble() > -100);

            browser.call("setCompare", JsonParser.parseString("{\"enabled\":false}"));
            waitFor("compare off written", WAIT).until(() -> session().contains("\"enabled\": false"));
        }
        try (DevServer third = start(classpath, true, InputSpec.defaultTone());
                RpcTestClient browser = RpcTestClient.connect(third.port())) {
            JsonObject compare = browser.call("getCompare", null).getAsJsonObject("result");
            assertThat(compare.get("enabled").getAsBoolean()).isFalse();
            assertThat(compare.get("listening").getAsString()).isEqualTo("diff");
        }
    }

    @Test
    void unreadableCompareSettingsLeaveCompareOffSayWhyAndTheValuesStillComeBack() throws Exception {
        Path classpath = CompiledProject.example(project.resolve("example")).classpathFile();
        Files.createDirectories(sessionFile().getParent());
        Files.writeString(sessionFile(), """
                { "values": { "gain": -4.0 }, "input": "silence", "configuredInput": "silence",
                  "compare": { "enabled": true, "listening": "both", "matchLoudness": false } }
                """);

        try (DevServer server = start(classpath, true, InputSpec.silence());
                RpcTestClient browser = RpcTestClient.connect(server.port())) {
            JsonObject restored = browser.notification("sessionRestored").getAsJsonObject("params");
            assertThat(restored.get("compareNote").getAsString()).isEqualTo("compare off (the last run's compare"
                    + " settings cannot be read: listening is \"both\", not a, b or diff)");
            assertThat(restored.has("compare")).isFalse();
            assertThat(browser.valueOf("gain")).isEqualTo(-4);
            assertThat(browser.call("getCompare", null).getAsJsonObject("result").get("enabled").getAsBoolean())
                    .isFalse();
        }
    }

    @Test
    void anUnreadableSessionIsMovedAsideAndTheServerStartsFresh() throws Exception {
        Path classpath = CompiledProject.example(project.resolve("example")).classpathFile();
        Files.createDirectories(sessionFile().getParent());
        Files.writeString(sessionFile(), "{ \"values\": ");

        try (DevServer server = start(classpath, true, InputSpec.defaultTone());
                RpcTestClient browser = RpcTestClient.connect(server.port())) {
            assertThat(browser.valueOf("gain")).isZero();
        }
        assertThat(Files.readString(sessionFile().resolveSibling("session.json.unreadable")))
                .isEqualTo("{ \"values\": ");
    }

    private DevServer start(Path classpath, boolean restore, InputSpec input) throws Exception {
        return DevServer.start(new DevServerOptions(classpath)
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()))
                .withAudio(new AudioOptions(512, input, false, 0))
                .withWorkbench(WorkbenchOptions.NONE.withSession(sessionFile(), restore)), "secret", () -> { });
    }

    private Path sessionFile() {
        return project.resolve("target/wavecraft/session.json");
    }

    private String session() throws Exception {
        return Files.exists(sessionFile()) ? Files.readString(sessionFile()) : "";
    }
}
