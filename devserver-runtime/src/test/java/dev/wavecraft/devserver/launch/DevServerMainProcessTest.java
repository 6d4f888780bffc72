package dev.wavecraft.devserver.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev server's main class in a real forked JVM, as the mojo starts it. */
class DevServerMainProcessTest {

    @TempDir
    Path project;

    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void reportsReadyWithTheBoundPortAndServesIt() throws Exception {
        Path classpathFile = CompiledProject.example(project).classpathFile();

        LaunchEvent event = start(classpathFile, "--port", "0");

        assertThat(event.isReady()).as("event %s", event).isTrue();
        assertThat(event.url()).isEqualTo("http://127.0.0.1:" + event.port() + "/");
        assertThat(event.processor()).isEqualTo("com.example.gain.GainProcessor");
        assertThat(event.parameters()).isEqualTo(4);
        assertThat(event.pid()).isEqualTo(process.pid());
        try (RpcTestClient client = RpcTestClient.connect(event.port())) {
            assertThat(client.call("ping", null).has("result")).isTrue();
        }
    }

    @Test
    void exitsWithinTwoSecondsOnceItsParentsPipeCloses() throws Exception {
        LaunchEvent event = start(CompiledProject.example(project).classpathFile(), "--port", "0");
        assertThat(event.isReady()).isTrue();

        process.getOutputStream().close();

        assertThat(process.waitFor(2, TimeUnit.SECONDS)).as("exited within 2 s").isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void endsItselfWhenHeartbeatsStopWhileThePipeStaysOpen() throws Exception {
        LaunchEvent event = start(CompiledProject.example(project).classpathFile(), "--port", "0",
                "--heartbeat-timeout-ms", "1500", "--audio-device", "false");
        assertThat(event.isReady()).isTrue();
        for (int beat = 0; beat < 4; beat++) {
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
            assertThat(process.waitFor(500, TimeUnit.MILLISECONDS)).as("alive while heartbeats come").isFalse();
        }

        // No more heartbeats, and the pipe stays open, as when Maven is suspended.
        assertThat(process.waitFor(1500 + 2000, TimeUnit.MILLISECONDS)).as("exited after the silence").isTrue();
        assertThat(process.exitValue()).isEqualTo(DevServerMain.EXIT_PARENT_SILENT);
    }

    @Test
    void reportsAPortInUseNamingThePortAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LaunchEvent event = start(CompiledProject.example(project).classpathFile(),
                    "--port", Integer.toString(taken.getLocalPort()));

            assertThat(event.problem()).isEqualTo("PORT_IN_USE");
            assertThat(event.message()).contains("Port " + taken.getLocalPort(), "-Dwavecraft.port");
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(DevServerMain.EXIT_START_FAILED);
        }
    }

    @Test
    void reportsAThrowingConstructorWithItsStackTraceAsDetail() throws Exception {
        Path classpathFile = CompiledProject.withProcessor(project, "demo.Broken", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Broken implements Processor {
                    public Broken() { throw new IllegalStateException("no audio today"); }
                    public List<Parameter> parameters() { return List.of(); }
                    public void process(AudioBlock block, ParameterValues values) {}
                }
                """).classpathFile();

        LaunchEvent event = start(classpathFile, "--port", "0");

        assertThat(event.problem()).isEqualTo("PROCESSOR_CREATE_FAILED");
        assertThat(event.message()).contains("The constructor of demo.Broken", "no audio today");
        assertThat(event.detail()).contains("demo.Broken.<init>(Broken.java:5)");
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(DevServerMain.EXIT_START_FAILED);
    }

    /** Starts the main class and returns its launch event; other output lines are collected. */
    private LaunchEvent start(Path classpathFile, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(DevServerMain.JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                DevServerMain.class.getName(), "--classpath-file", classpathFile.toString()));
        command.addAll(List.of(arguments));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write("test-secret\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        List<String> output = new ArrayList<>();
        CompletableFuture<LaunchEvent> event = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    var parsed = LaunchEvent.parse(line);
                    if (parsed.isPresent()) {
                        return parsed.get();
                    }
                    output.add(line);
                }
                throw new AssertionError("The server exited without a launch event: " + output);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        return event.orTimeout(60, TimeUnit.SECONDS).join();
    }
}
