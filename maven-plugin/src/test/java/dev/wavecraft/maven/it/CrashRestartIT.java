package dev.wavecraft.maven.it;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during a real {@code wavecraft:run}: a generation whose {@code process} keeps throwing
 * (the circuit breaker), and the forked server killed with SIGKILL (restarted with the last good
 * generation and its values, until it dies three times within a minute).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRestartIT {

    private static final Duration BUILD_WAIT = Duration.ofSeconds(90);
    private static final Duration NOTICE_WITHIN = Duration.ofSeconds(2);
    private static final Duration RESTART_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final String DIED = "The dev server exited unexpectedly with code 137 (killed by SIGKILL";
    private static final String RESTARTED = "Dev server restarted after a crash";

    @TempDir
    static Path directory;

    private static ExampleCopy project;
    private static BackgroundMaven maven;
    private static RpcTestClient browser;
    private static int port;

    @BeforeAll
    static void startWavecraftRun() throws Exception {
        project = ExampleCopy.of(directory);
        project.write(ExampleCopy.PROCESSOR, processor("", ""));
        maven = BackgroundMaven.start(project.root(), "wavecraft:run", "-Dwavecraft.port=0", "-Dwavecraft.audioDevice=false", "-Dwavecraft.blockSize=256");
        port = maven.awaitWatching(Duration.ofMinutes(3));
        browser = RpcTestClient.connect(port);
    }

    @AfterAll
    static void stopWavecraftRun() {
        if (browser != null) {
            browser.close();
        }
        if (maven != null) {
            maven.close();
        }
    }

    @Test
    @Order(1)
    void aGenerationThatKeepsCrashingIsRolledBackAndAutoReloadWaitsForTheNextSuccessfulBuild() throws Exception {
        project.write(ExampleCopy.PROCESSOR, processor("", "if (++blocks > 400) throw new IllegalStateException(\"boom\");"));

        JsonObject crashed = awaitNotification("reloadFailed");
        assertThat(crashed.get("stage").getAsString()).isEqualTo("crashed");
        assertThat(crashed.get("message").getAsString()).contains("kept crashing", "boom", "paused");
        JsonObject paused = status();
        assertThat(paused.get("autoReload").getAsBoolean()).isFalse();
        assertThat(paused.get("paused").getAsString()).contains("until the next successful build");
        awaitOutput(output -> output.contains("Auto-reload is paused until the next successful build"), BUILD_WAIT);

        project.write(ExampleCopy.PROCESSOR, processor(", FloatParameter.of(\"width\", \"Width\", 0, 2, 1)", ""));

        awaitNotification("reloadCompleted");
        JsonObject resumed = status();
        assertThat(resumed.get("autoReload").getAsBoolean()).isTrue();
        assertThat(resumed.has("paused")).isFalse();
        awaitOutput(output -> output.contains("Auto-reload is on again."), BUILD_WAIT);
    }

    @Test
    @Order(2)
    void aKilledServerIsNoticedAndRestartedWithTheLastGoodGenerationAndItsValues() throws Exception {
        browser.call("setParameter", valueParams("gain", -7.5));
        browser.call("setParameter", valueParams("width", 1.75));
        project.write(ExampleCopy.PROCESSOR, processor(", FloatParameter.of(\"width\", \"Width\", 0, 2, 1)", "")
                .replace("return List.of(", "int broken = ; return List.of("));
        awaitNotification("buildFailed");

        long killedAt = kill();

        long noticedAfter = awaitOutput(output -> output.contains(DIED), NOTICE_WITHIN) - killedAt;
        assertThat(noticedAfter).isLessThanOrEqualTo(NOTICE_WITHIN.toMillis());
        System.out.println("CrashRestartIT: the kill was reported " + noticedAfter + " ms after it");
        awaitOutput(output -> output.contains(RESTARTED), RESTART_WAIT);
        assertThat(maven.output()).contains("Restarting it on port " + port, "the 3 parameter values it had");
        browser.close();
        browser = RpcTestClient.connect(port);
        assertThat(browser.parameterIds()).containsExactly("gain", "bypass", "width");
        assertThat(browser.valueOf("gain")).isEqualTo(-7.5);
        assertThat(browser.valueOf("width")).isEqualTo(1.75);

        project.write(ExampleCopy.PROCESSOR, processor(", FloatParameter.of(\"tilt\", \"Tilt\", -1, 1, 0)", ""));

        awaitNotification("reloadCompleted");
        assertThat(browser.parameterIds()).containsExactly("gain", "bypass", "tilt");
        assertThat(browser.valueOf("gain")).isEqualTo(-7.5);
    }

    @Test
    @Order(3)
    void aServerThatKeepsDyingIsNotRestartedForeverAndTheBuildSaysWhy() throws Exception {
        Optional<Integer> exit = Optional.empty();
        for (int kills = 1; kills <= 3 && exit.isEmpty(); kills++) {
            int restartsBefore = occurrences(RESTARTED);
            kill();
            awaitOutput(output -> occurrences(output, RESTARTED) > restartsBefore
                    || output.contains("so it is not restarted again"), RESTART_WAIT);
            exit = maven.awaitEnd(output().contains("so it is not restarted again") ? RESTART_WAIT : Duration.ZERO);
        }

        assertThat(exit).as("Maven's exit code once restarts stop").hasValueSatisfying(code -> assertThat(code).isNotZero());
        assertThat(maven.output()).contains("The dev server died 3 times within 60 s (last exit code 137, killed by SIGKILL",
                "fix it and run wavecraft:run again");
    }

    /** Kills the running server with SIGKILL; returns when, in epoch milliseconds. */
    private static long kill() throws IOException {
        ProcessHandle server = maven.devServerProcess();
        long at = System.currentTimeMillis();
        assertThat(server.destroyForcibly()).isTrue();
        return at;
    }

    /** Polls Maven's output until {@code condition} holds; returns when it first did, in epoch milliseconds. */
    private static long awaitOutput(Predicate<String> condition, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.test(output())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Maven's output did not show it within " + within + ":\n" + output());
            }
            Thread.sleep(POLL.toMillis());
        }
        return System.currentTimeMillis();
    }

    private static String output() {
        try {
            return maven.output();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int occurrences(String text) {
        return occurrences(output(), text);
    }

    private static int occurrences(String output, String text) {
        int count = 0;
        for (int at = output.indexOf(text); at >= 0; at = output.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    private static JsonObject awaitNotification(String method) {
        return browser.notification(method, BUILD_WAIT).getAsJsonObject("params");
    }

    private static JsonObject status() {
        return browser.call("getReloadStatus", null).getAsJsonObject("result");
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
