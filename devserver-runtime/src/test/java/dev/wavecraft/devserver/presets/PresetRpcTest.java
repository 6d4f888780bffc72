package dev.wavecraft.devserver.presets;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** listPresets, savePreset, loadPreset and deletePreset over a real WebSocket, against the example in a real server. */
class PresetRpcTest {

    @TempDir
    Path project;

    private DevServer server;
    private RpcTestClient browser;

    @BeforeEach
    void start() throws Exception {
        server = DevServer.start(new DevServerOptions(CompiledProject.example(project).classpathFile())
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()))
                .withAudio(new AudioOptions(512, InputSpec.silence(), false, 0))
                .withWorkbench(WorkbenchOptions.NONE.withPresetsDirectory(presets())), "secret", () -> { });
        browser = RpcTestClient.connect(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPresetSavedEditedAndLoadedRoundTrips() throws Exception {
        browser.call("setParameter", valueParams("drive", 9.5));
        browser.call("setParameter", valueParams("curve", 2));
        browser.call("setParameter", valueParams("gain", -6));

        assertThat(browser.call("savePreset", name("Warm pad")).getAsJsonObject("result").size()).isZero();

        String file = Files.readString(presets().resolve("Warm pad.json"));
        assertThat(file).as("indented, for a person").contains("\n  \"values\": {\n    \"drive\": 9.5,");
        assertThat(file).contains("\"processor\": \"com.example.gain.GainProcessor\"");
        browser.call("setParameter", valueParams("drive", 1));
        browser.call("setParameter", valueParams("curve", 0));
        browser.call("setParameter", valueParams("bypass", 1));
        try (RpcTestClient other = RpcTestClient.connect(server.port())) {
            other.call("ping", null);

            JsonObject loaded = browser.call("loadPreset", name("Warm pad")).getAsJsonObject("result");

            assertThat(loaded).isEqualTo(JsonParser.parseString(
                    "{\"applied\":[\"drive\",\"curve\",\"gain\",\"bypass\"],\"clamped\":[],\"dropped\":[]}"));
            assertThat(browser.valueOf("drive")).isEqualTo(9.5);
            assertThat(browser.valueOf("curve")).isEqualTo(2);
            assertThat(browser.valueOf("gain")).isEqualTo(-6);
            assertThat(browser.valueOf("bypass")).isZero();
            assertThat(other.notification("parameterChanged").getAsJsonObject("params"))
                    .isEqualTo(JsonParser.parseString("{\"id\":\"drive\",\"value\":9.5}"));
        }
    }

    @Test
    void requestsSentTogetherAreServedInTheirOrderAndASaveKeepsTheValuesAsTheyWereWhenItArrived() throws Exception {
        // Sent without waiting for replies: the save and the load run on the presets thread, the sets at once.
        browser.send(request(1, "setParameter", valueParams("gain", -6)));
        browser.send(request(2, "savePreset", name("Take")));
        browser.send(request(3, "setParameter", valueParams("gain", 3)));
        browser.send(request(4, "loadPreset", name("Take")));

        JsonObject reply;
        do {
            reply = JsonParser.parseString(browser.nextReplyFrame()).getAsJsonObject();
        } while (reply.get("id").getAsInt() != 4);

        assertThat(reply.getAsJsonObject("result").getAsJsonArray("applied").toString()).contains("\"gain\"");
        assertThat(Files.readString(presets().resolve("Take.json"))).contains("\"gain\": -6.0");
        assertThat(browser.valueOf("gain")).isEqualTo(-6);
    }

    @Test
    void aPresetEditedByHandIsClampedAndDroppedWhereItNoLongerFitsAndSaysSo() throws Exception {
        Files.createDirectories(presets());
        Files.writeString(presets().resolve("Loud.json"), "{ \"values\": { \"gain\": 40, \"curve\": 1,"
                + " \"width\": 2, \"drive\": \"much\" } }");

        JsonObject loaded = browser.call("loadPreset", name("Loud")).getAsJsonObject("result");

        assertThat(loaded).isEqualTo(JsonParser.parseString("{\"applied\":[\"curve\"],\"clamped\":[\"gain\"],"
                + "\"dropped\":[\"width\",\"drive\"]}"));
        assertThat(browser.valueOf("gain")).isEqualTo(12);
        assertThat(browser.valueOf("curve")).isEqualTo(1);
    }

    @Test
    void listsPresetsByNameWithTheTimeTheyWereSavedAndDeletesThem() {
        browser.call("savePreset", name("b-side"));
        browser.call("savePreset", name("A_1"));

        JsonArray presets = browser.call("listPresets", null).getAsJsonObject("result").getAsJsonArray("presets");

        List<String> names = new ArrayList<>();
        presets.forEach(preset -> names.add(preset.getAsJsonObject().get("name").getAsString()));
        assertThat(names).containsExactly("A_1", "b-side");
        assertThat(presets.get(0).getAsJsonObject().get("savedAt").getAsString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(browser.call("deletePreset", name("A_1")).getAsJsonObject("result").size()).isZero();
        assertThat(browser.call("listPresets", null).getAsJsonObject("result").getAsJsonArray("presets"))
                .hasSize(1);
        assertThat(Files.exists(presets().resolve("A_1.json"))).isFalse();
    }

    @Test
    void refusesUnsafeNamesAndMissingPresetsWithInvalidParamsNamingWhatExists() throws Exception {
        browser.call("savePreset", name("Clean"));

        for (String bad : List.of("../evil", "a.b", " lead", "")) {
            JsonObject error = browser.call("savePreset", name(bad)).getAsJsonObject("error");
            assertThat(error.get("code").getAsInt()).as(bad).isEqualTo(-32602);
            assertThat(error.get("message").getAsString()).as(bad).contains("preset");
        }
        JsonObject missing = browser.call("loadPreset", name("Dirty")).getAsJsonObject("error");
        assertThat(missing.get("code").getAsInt()).isEqualTo(-32602);
        assertThat(missing.get("message").getAsString()).contains("No preset named 'Dirty'", "there are 'Clean'");
        assertThat(browser.call("deletePreset", name("Dirty")).getAsJsonObject("error").get("code").getAsInt())
                .isEqualTo(-32602);
        assertThat(browser.call("loadPreset", null).getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32602);
        try (var files = Files.list(presets())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("Clean.json");
        }
    }

    @Test
    void aBrokenPresetFileIsReportedWithItsPathAndLeftAlone() throws Exception {
        Files.createDirectories(presets());
        Files.writeString(presets().resolve("Broken.json"), "{ \"values\": ");

        JsonObject error = browser.call("loadPreset", name("Broken")).getAsJsonObject("error");

        assertThat(error.get("code").getAsInt()).isEqualTo(-32603);
        assertThat(error.get("message").getAsString()).contains("Broken.json is not a preset file")
                .doesNotContain("null");
        assertThat(Files.readString(presets().resolve("Broken.json"))).isEqualTo("{ \"values\": ");
    }

    private Path presets() {
        return project.resolve("src/main/wavecraft/presets");
    }

    private static String request(int id, String method, JsonObject params) {
        JsonObject request = new JsonObject();
        request.addProperty("jsonrpc", "2.0");
        request.addProperty("id", id);
        request.addProperty("method", method);
        request.add("params", params);
        return request.toString();
    }

    private static JsonObject name(String name) {
        JsonObject params = new JsonObject();
        params.addProperty("name", name);
        return params;
    }
}
