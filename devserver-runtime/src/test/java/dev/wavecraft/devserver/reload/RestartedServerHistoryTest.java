package dev.wavecraft.devserver.reload;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.reload.BuildReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real servers of one run, one after another, as the plugin restarts them after a crash: the
 * second numbers its generations on from the first and answers the first's history, from the file
 * the first kept in the run's state directory; a state directory that is gone is a fresh start.
 */
class RestartedServerHistoryTest {

    private static final String SECRET = "a-per-run-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path project;
    @TempDir
    Path run;

    @Test
    void aRestartedServerNumbersOnAndKeepsTheHistoryOfItsPredecessor() throws Exception {
        Path state = run.resolve("state");
        List<JsonElement> before;
        try (DevServer first = start(state); ControlClient control = connect(first)) {
            compile("gain");
            assertThat(reload(control).generation()).isEqualTo(2);
            compile("drive");
            assertThat(reload(control).generation()).isEqualTo(3);
            before = history(first);
            assertThat(before).hasSize(2);
        }

        try (DevServer restarted = start(state)) {
            assertThat(restarted.live().number()).isEqualTo(4);
            assertThat(status(restarted).get("generation").getAsInt()).isEqualTo(4);
            assertThat(history(restarted)).isEqualTo(before);
            try (ControlClient control = connect(restarted)) {
                compile("tone");
                assertThat(reload(control).generation()).isEqualTo(5);
                List<JsonElement> after = history(restarted);
                assertThat(after).hasSize(3);
                assertThat(after.get(0).getAsJsonObject().get("generation").getAsInt()).isEqualTo(5);
                assertThat(after.subList(1, 3)).isEqualTo(before);
            }
        }
    }

    @Test
    void startsFromGenerationOneWithAnEmptyHistoryWhenTheStateDirectoryIsGone() throws Exception {
        Path state = run.resolve("deleted");
        try (DevServer first = start(state); ControlClient control = connect(first)) {
            compile("gain");
            reload(control);
        }
        Files.delete(state.resolve(HistoryFile.NAME));
        Files.delete(state);

        try (DevServer restarted = start(state)) {
            assertThat(restarted.live().number()).isEqualTo(1);
            assertThat(history(restarted)).isEmpty();
        }
        assertThat(state.resolve(HistoryFile.NAME)).as("kept again for the next restart").exists();
    }

    private DevServer start(Path state) throws Exception {
        Path classpathFile = compile("gain").classpathFile();
        return DevServer.start(new DevServerOptions(classpathFile)
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()))
                .withStateDirectory(state), SECRET, () -> { });
    }

    private static ControlClient connect(DevServer server) throws Exception {
        return ControlClient.connect(server.controlPort(), SECRET, message -> { });
    }

    private Reloaded reload(ControlClient control) throws Exception {
        Reloaded reloaded = control.reload(new ControlMessages.Reload(0,
                List.of(project.resolve("target/classes").toString()), List.of(),
                new BuildReport(List.of("src/main/java/demo/Tone.java"), "change", 0, 0)), WAIT);
        assertThat(reloaded.ok()).as("%s", reloaded).isTrue();
        return reloaded;
    }

    private static JsonObject status(DevServer server) {
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            return browser.call("getReloadStatus", null).getAsJsonObject("result");
        }
    }

    private static List<JsonElement> history(DevServer server) {
        try (RpcTestClient browser = RpcTestClient.connect(server.port())) {
            JsonArray entries = browser.call("getReloadHistory", null).getAsJsonObject("result")
                    .getAsJsonArray("entries");
            List<JsonElement> list = new ArrayList<>();
            entries.forEach(list::add);
            return list;
        }
    }

    /** demo.Tone with one float parameter, {@code id}. */
    private CompiledProject compile(String id) {
        return CompiledProject.withProcessor(project, "demo.Tone", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Tone implements Processor {
                    public List<Parameter> parameters() {
                        return List.of(FloatParameter.of("%s", "Level", -60, 12, 0));
                    }
                    public void process(AudioBlock block, ParameterValues values) {
                    }
                }
                """.formatted(id));
    }
}
