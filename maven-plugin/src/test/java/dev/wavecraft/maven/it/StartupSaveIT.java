package dev.wavecraft.maven.it;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No save is lost while {@code wavecraft:run} starts: one saved during the initial build, or just
 * after the server came up (before or while the watcher is armed), still reaches the server. Each
 * case is a fresh {@code wavecraft:run} on its own copy of the example, which the test edits while
 * the run is still starting.
 */
class StartupSaveIT {

    /** How long a save may take to show; a lost save never does. */
    private static final Duration SHOWS_WITHIN = Duration.ofSeconds(60);
    private static final String INITIAL_BUILD = "Initial build";
    private static final String RUNNING = "Wavecraft dev server running at http://127.0.0.1:";
    private static final String GAIN_DECLARATION = "FloatParameter.of(\"gain\", \"Gain\",";

    @RegisterExtension
    final WavecraftRunExtension run = WavecraftRunExtension.onTheExample().startedOnly();

    @Test
    void aSaveWhileTheInitialBuildRunsReachesTheServer() {
        String name = "Gain saved during the initial build";
        run.maven().awaitLine(INITIAL_BUILD, WavecraftRun.STARTUP);
        assertThat(run.maven().output()).as("the save lands before the server is up").doesNotContain(RUNNING);

        renameGain(name);

        assertGainShows(name);
    }

    @ParameterizedTest(name = "saved {0} ms after the server was up")
    @ValueSource(ints = {0, 50, 100, 200})
    void aSaveJustAfterTheServerIsUpReachesTheServer(int delayMillis) throws Exception {
        String name = "Gain saved " + delayMillis + " ms after the server was up";
        run.maven().awaitLine(RUNNING, WavecraftRun.STARTUP);
        // The delay is what is under test: it places the save in the window before or around "Watching the sources".
        Thread.sleep(delayMillis);

        renameGain(name);

        assertGainShows(name);
    }

    /** Saves the processor with a new display name for {@code gain}, at once through a rename, as editors do. */
    private void renameGain(String name) {
        String source = run.project().read(ExampleCopy.PROCESSOR);
        assertThat(source).contains(GAIN_DECLARATION);
        run.project().save(ExampleCopy.PROCESSOR,
                source.replace(GAIN_DECLARATION, "FloatParameter.of(\"gain\", \"" + name + "\","));
    }

    /** Asks the server for {@code gain}'s name until it is {@code name}, for at most {@link #SHOWS_WITHIN}. */
    private void assertGainShows(String name) {
        run.browser(); // connected once the server is up, however long the initial build takes
        waitFor("gain's name after the save", SHOWS_WITHIN)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(gainName())
                        .as(() -> "gain's name; Maven said:\n" + run.maven().output())
                        .isEqualTo(name));
    }

    private String gainName() {
        for (JsonElement parameter : run.browser().call("getAllParameters", null).getAsJsonObject("result")
                .getAsJsonArray("parameters")) {
            if (parameter.getAsJsonObject().get("id").getAsString().equals("gain")) {
                return parameter.getAsJsonObject().get("name").getAsString();
            }
        }
        return null;
    }
}
