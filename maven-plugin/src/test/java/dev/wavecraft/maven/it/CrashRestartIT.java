package dev.wavecraft.maven.it;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults during a real {@code wavecraft:run}: a generation whose {@code process} keeps throwing
 * (the circuit breaker), and the forked server killed with SIGKILL (restarted with the last good
 * generation and its values, until it dies three times within a minute). One run serves the
 * class; each test first sets up the processor it starts from, so any of them runs alone. The
 * last one ends the run for good (Maven gives up), so it comes last when they run together.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRestartIT {

    private static final Duration BUILD_WAIT = Duration.ofSeconds(90);
    private static final Duration NOTICE_WITHIN = Duration.ofSeconds(2);
    private static final Duration RESTART_WAIT = Duration.ofSeconds(60);
    private static final String WIDTH = ", FloatParameter.of(\"width\", \"Width\", 0, 2, 1)";
    private static final String DIED = "The dev server exited unexpectedly with code 137 (killed by SIGKILL";
    private static final String RESTARTED = "Dev server restarted after a crash";
    private static final String GAVE_UP = "so it is not restarted again";

    @RegisterExtension
    static final WavecraftRunExtension RUN = WavecraftRunExtension.onTheExample()
            .preparedBy(project -> project.write(ExampleCopy.PROCESSOR, processor("", "")))
            .withArguments("-Dwavecraft.audioDevice=false", "-Dwavecraft.blockSize=256");

    /** Numbers the sources {@link #serving} saves, so that each differs from the file on disk. */
    private static int setups;

    @Test
    @Order(1)
    void aGenerationThatKeepsCrashingIsRolledBackAndAutoReloadWaitsForTheNextSuccessfulBuild() {
        serving("", "gain", "bypass");

        RUN.project().write(ExampleCopy.PROCESSOR,
                processor("", "if (++blocks > 400) throw new IllegalStateException(\"boom\");"));

        JsonObject crashed = awaitNotification("reloadFailed");
        assertThat(crashed.get("stage").getAsString()).isEqualTo("crashed");
        assertThat(crashed.get("message").getAsString()).contains("kept crashing", "boom", "paused");
        JsonObject paused = status();
        assertThat(paused.get("autoReload").getAsBoolean()).isFalse();
        assertThat(paused.get("paused").getAsString()).contains("until the next successful build");
        RUN.maven().awaitLine("Auto-reload is paused until the next successful build", BUILD_WAIT);

        RUN.project().write(ExampleCopy.PROCESSOR, processor(WIDTH, ""));

        awaitNotification("reloadCompleted");
        JsonObject resumed = status();
        assertThat(resumed.get("autoReload").getAsBoolean()).isTrue();
        assertThat(resumed.has("paused")).isFalse();
        RUN.maven().awaitLine("Auto-reload is on again.", BUILD_WAIT);
    }

    @Test
    @Order(2)
    void aKilledServerIsNoticedAndRestartedWithTheLastGoodGenerationAndItsValues() {
        serving(WIDTH, "gain", "bypass", "width");
        browser().call("setParameter", valueParams("gain", -7.5));
        browser().call("setParameter", valueParams("width", 1.75));
        RUN.project().write(ExampleCopy.PROCESSOR, processor(WIDTH, "")
                .replace("return List.of(", "int broken = ; return List.of("));
        awaitNotification("buildFailed");
        int generationBefore = status().get("generation").getAsInt();
        JsonArray historyBefore = history();
        assertThat(historyBefore).isNotEmpty();

        long killedAt = kill();

        long noticedAfter = RUN.maven().awaitOutput("the kill", output -> output.contains(DIED), NOTICE_WITHIN)
                - killedAt;
        assertThat(noticedAfter).isLessThanOrEqualTo(NOTICE_WITHIN.toMillis());
        System.out.println("CrashRestartIT: the kill was reported " + noticedAfter + " ms after it");
        RUN.maven().awaitLine(RESTARTED, RESTART_WAIT);
        assertThat(RUN.maven().output())
                .contains("Restarting it on port " + RUN.port(), "the 3 parameter values it had");
        RpcTestClient browser = RUN.reconnect();
        assertThat(browser.parameterIds()).containsExactly("gain", "bypass", "width");
        assertThat(browser.valueOf("gain")).isEqualTo(-7.5);
        assertThat(browser.valueOf("width")).isEqualTo(1.75);
        int restartedAs = status().get("generation").getAsInt();
        assertThat(restartedAs).as("the generation numbers on after the restart").isGreaterThan(generationBefore);
        assertThat(history()).as("the history from before the crash").isEqualTo(historyBefore);

        RUN.project().write(ExampleCopy.PROCESSOR, processor(", FloatParameter.of(\"tilt\", \"Tilt\", -1, 1, 0)", ""));

        int reloadedAs = awaitNotification("reloadCompleted").get("generation").getAsInt();
        assertThat(reloadedAs).isGreaterThan(restartedAs);
        assertThat(browser.parameterIds()).containsExactly("gain", "bypass", "tilt");
        assertThat(browser.valueOf("gain")).isEqualTo(-7.5);
        JsonArray historyAfter = history();
        assertThat(historyAfter.get(0).getAsJsonObject().get("generation").getAsInt()).isEqualTo(reloadedAs);
        assertThat(historyAfter).containsAll(historyBefore);
        System.out.println("CrashRestartIT: generation " + generationBefore + " before the kill, " + restartedAs
                + " after the restart, " + reloadedAs + " after the next save; " + historyBefore.size()
                + " history entries kept");
    }

    @Test
    @Order(3)
    void aStaticInitialiserThatCallsSystemExitIsNamedRestartsOnceAndThreeSuchSavesDoNotEndTheGoal()
            throws Exception {
        serving(WIDTH, "gain", "bypass", "width");
        browser().call("setParameter", valueParams("gain", -4.5));
        int restartsBefore = occurrences(RUN.maven().output(), RESTARTED);

        for (int save = 1; save <= 3; save++) {
            int restarts = restartsBefore + save - 1;
            long savedAt = System.nanoTime();
            RUN.project().write(ExampleCopy.PROCESSOR, processor(WIDTH, "")
                    .replace("private int blocks;", "static { System.exit(1); } private int blocks;")
                    + "// exit " + save);
            RUN.maven().awaitOutput("the restart after save " + save,
                    output -> occurrences(output, RESTARTED) > restarts || output.contains(GAVE_UP), RESTART_WAIT);
            System.out.println("CrashRestartIT: System.exit save " + save + " was running again "
                    + Duration.ofNanos(System.nanoTime() - savedAt).toMillis() + " ms after the save");
        }

        assertThat(RUN.maven().awaitEnd(Duration.ZERO)).as("Maven still running after three such saves").isEmpty();
        String output = RUN.maven().output();
        assertThat(occurrences(output, RESTARTED)).as("one restart per save").isEqualTo(restartsBefore + 3);
        assertThat(output).contains("The dev server exited unexpectedly with code 1",
                "System.exit was called from com.example.gain.GainProcessor.<clinit>(GainProcessor.java:7)",
                "while loading the save of src/main/java/com/example/gain/GainProcessor.java");
        RpcTestClient browser = RUN.reconnect();
        assertThat(browser.parameterIds()).containsExactly("gain", "bypass", "width");
        assertThat(browser.valueOf("gain")).isEqualTo(-4.5);

        RUN.project().write(ExampleCopy.PROCESSOR, processor(", FloatParameter.of(\"tilt\", \"Tilt\", -1, 1, 0)", ""));

        awaitNotification("reloadCompleted");
        assertThat(browser.parameterIds()).containsExactly("gain", "bypass", "tilt");
        assertThat(browser.valueOf("gain")).isEqualTo(-4.5);
    }

    @Test
    @Order(4)
    void aServerThatDiesAfterTargetWasDeletedIsRestartedAndTheNextSaveRebuilds() throws Exception {
        serving(WIDTH, "gain", "bypass", "width");
        browser().call("setParameter", valueParams("gain", -3.0));
        int restartsBefore = occurrences(RUN.maven().output(), RESTARTED);
        deleteTree(RUN.project().file("target"));

        kill();

        RUN.maven().awaitOutput("a restart, or giving up",
                output -> occurrences(output, RESTARTED) > restartsBefore || output.contains(GAVE_UP)
                        || output.contains("BUILD FAILURE"), RESTART_WAIT);
        assertThat(RUN.maven().awaitEnd(Duration.ZERO)).as("Maven still running").isEmpty();
        RpcTestClient browser = RUN.reconnect();
        assertThat(browser.parameterIds()).containsExactly("gain", "bypass", "width");
        assertThat(browser.valueOf("gain")).isEqualTo(-3.0);

        RUN.project().write(ExampleCopy.PROCESSOR, processor(", FloatParameter.of(\"tilt\", \"Tilt\", -1, 1, 0)", ""));

        awaitNotification("reloadCompleted");
        assertThat(browser.parameterIds()).containsExactly("gain", "bypass", "tilt");
        assertThat(browser.valueOf("gain")).isEqualTo(-3.0);
    }

    @Test
    @Order(5)
    void aServerThatKeepsDyingIsNotRestartedForeverAndTheBuildSaysWhy() throws Exception {
        Optional<Integer> exit = Optional.empty();
        for (int kills = 1; kills <= 3 && exit.isEmpty(); kills++) {
            int restartsBefore = occurrences(RUN.maven().output(), RESTARTED);
            kill();
            RUN.maven().awaitOutput("a restart, or giving up",
                    output -> occurrences(output, RESTARTED) > restartsBefore || output.contains(GAVE_UP), RESTART_WAIT);
            exit = RUN.maven().awaitEnd(RUN.maven().output().contains(GAVE_UP) ? RESTART_WAIT : Duration.ZERO);
        }

        assertThat(exit).as("Maven's exit code once restarts stop")
                .hasValueSatisfying(code -> assertThat(code).isNotZero());
        assertThat(RUN.maven().output()).contains(
                "The dev server died 3 times within 60 s (last exit code 137, killed by SIGKILL",
                "fix it and run wavecraft:run again");
    }

    /** Kills the running server with SIGKILL; returns when, in epoch milliseconds. */
    private static long kill() {
        ProcessHandle server = RUN.maven().devServerProcess();
        long at = System.currentTimeMillis();
        assertThat(server.destroyForcibly()).isTrue();
        return at;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    private static int occurrences(String output, String text) {
        int count = 0;
        for (int at = output.indexOf(text); at >= 0; at = output.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * Sets up the processor a test starts from: saves it with {@code extraParameters} (and a
     * numbered comment, so the save always differs from the file and builds), waits until it is
     * live, checks its parameters and forgets the notifications so far.
     */
    private static void serving(String extraParameters, String... ids) {
        browser(); // connected before the save: a reload quicker than the first connection is not missed
        RUN.project().write(ExampleCopy.PROCESSOR, processor(extraParameters, "") + "// set up " + ++setups + "\n");
        awaitNotification("reloadCompleted");
        assertThat(browser().parameterIds()).as("parameters of the set-up processor").containsExactly(ids);
        browser().drain();
    }

    private static RpcTestClient browser() {
        return RUN.browser();
    }

    private static JsonObject awaitNotification(String method) {
        return browser().notification(method, BUILD_WAIT).getAsJsonObject("params");
    }

    private static JsonArray history() {
        return browser().call("getReloadHistory", null).getAsJsonObject("result").getAsJsonArray("entries");
    }

    private static JsonObject status() {
        return browser().call("getReloadStatus", null).getAsJsonObject("result");
    }

    /** The example's processor with {@code extraParameters} (each led by a comma) and {@code onEachBlock}. */
    private static String processor(String extraParameters, String onEachBlock) {
        return """
                package com.example.gain;

                import dev.wavecraft.api.*;
                import java.util.List;

                public final class GainProcessor implements Processor {
                    private int blocks;
                    public List<Parameter> parameters() {
                        return List.of(FloatParameter.of("gain", "Gain", -60, 12, 0), BoolParameter.of("bypass", "Bypass", false)%s);
                    }
                    public void process(AudioBlock block, ParameterValues values) {
                        %s
                    }
                }
                """.formatted(extraParameters, onEachBlock);
    }
}
