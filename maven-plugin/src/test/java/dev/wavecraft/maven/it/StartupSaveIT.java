package dev.wavecraft.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import dev.wavecraft.devserver.testing.RpcTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No save is lost while {@code wavecraft:run} starts: one saved during the initial build, or just
 * after the server came up (before or while the watcher is armed), still reaches the server. Each
 * case is a fresh {@code wavecraft:run} on its own copy of the example.
 */
class StartupSaveIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    /** How long a save may take to show; a lost save never does. */
    private static final Duration SHOWS_WITHIN = Duration.ofSeconds(60);
    private static final String INITIAL_BUILD = "Initial build";
    private static final String RUNNING = "Wavecraft dev server running at http://127.0.0.1:";
    private static final String GAIN_DECLARATION = "FloatParameter.of(\"gain\", \"Gain\",";

    @TempDir
    Path directory;

    @Test
    void aSaveWhileTheInitialBuildRunsReachesTheServer() throws Exception {
        ExampleCopy project = ExampleCopy.of(directory.resolve("gain"));
        String name = "Gain saved during the initial build";
        try (BackgroundMaven maven = BackgroundMaven.start(project.root(), "wavecraft:run", "-Dwavecraft.port=0")) {
            maven.awaitLine(INITIAL_BUILD, STARTUP);
            assertThat(maven.output()).as("the save lands before the server is up").doesNotContain(RUNNING);
            renameGain(project, name);

            assertGainShows(name, maven.awaitDevServerPort(STARTUP), maven);
        }
    }

    @ParameterizedTest(name = "saved {0} ms after the server was up")
    @ValueSource(ints = {0, 50, 100, 200})
    void aSaveJustAfterTheServerIsUpReachesTheServer(int delayMillis) throws Exception {
        ExampleCopy project = ExampleCopy.of(directory.resolve("gain"));
        String name = "Gain saved " + delayMillis + " ms after the server was up";
        try (BackgroundMaven maven = BackgroundMaven.start(project.root(), "wavecraft:run", "-Dwavecraft.port=0")) {
            maven.awaitLine(RUNNING, STARTUP);
            // The delay is what is under test: it places the save in the window before or around "Watching the sources".
            Thread.sleep(delayMillis);
            renameGain(project, name);

            assertGainShows(name, maven.awaitDevServerPort(STARTUP), maven);
        }
    }

    /** Saves the processor with a new display name for {@code gain}, at once through a rename, as editors do. */
    private void renameGain(ExampleCopy project, String name) throws IOException {
        String source = project.read(ExampleCopy.PROCESSOR);
        assertThat(source).contains(GAIN_DECLARATION);
        Path staged = Files.createTempFile(directory, "staged", ".tmp");
        Files.writeString(staged, source.replace(GAIN_DECLARATION, "FloatParameter.of(\"gain\", \"" + name + "\","));
        Files.move(staged, project.file(ExampleCopy.PROCESSOR), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Polls getAllParameters until {@code gain} has {@code name}, for at most {@link #SHOWS_WITHIN}. */
    private static void assertGainShows(String name, int port, BackgroundMaven maven) throws Exception {
        try (RpcTestClient browser = RpcTestClient.connect(port)) {
            long deadline = System.nanoTime() + SHOWS_WITHIN.toNanos();
            String shown = gainName(browser);
            while (!name.equals(shown) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                shown = gainName(browser);
            }
            assertThat(shown).as("gain's name %s after the save; Maven said:%n%s", SHOWS_WITHIN, maven.output())
                    .isEqualTo(name);
        }
    }

    private static String gainName(RpcTestClient browser) {
        for (JsonElement parameter : browser.call("getAllParameters", null).getAsJsonObject("result")
                .getAsJsonArray("parameters")) {
            if (parameter.getAsJsonObject().get("id").getAsString().equals("gain")) {
                return parameter.getAsJsonObject().get("name").getAsString();
            }
        }
        return null;
    }
}
