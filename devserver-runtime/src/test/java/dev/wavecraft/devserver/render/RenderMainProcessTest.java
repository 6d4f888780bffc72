package dev.wavecraft.devserver.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.audio.wav.WavReader;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.protocol.launch.EntryPoints;
import dev.wavecraft.protocol.launch.LaunchEvent;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.options.RenderOptions;
import dev.wavecraft.protocol.options.SampleFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer's main class in a real forked JVM, started as the mojo starts it. */
class RenderMainProcessTest {

    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> firstLine = new CompletableFuture<>();
    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void rendersReportsWhatItWroteAndExits() throws Exception {
        Path classpathFile = CompiledProject.example(work.resolve("project")).classpathFile();

        LaunchEvent event = render(options(classpathFile, 0.5, Duration.ofSeconds(10), "gain=-6"));

        assertThat(event.isRendered()).as("event %s", event).isTrue();
        assertThat(event.processor()).isEqualTo("com.example.gain.GainProcessor");
        assertThat(event.message()).isEqualTo("Rendered 0.500 s of tone:1000.0:0.5 through"
                + " com.example.gain.GainProcessor to " + output() + " (pcm16, 48000 Hz, stereo, peak -12.0 dBFS)");
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(WavReader.read(output()).frames()).isEqualTo(24_000);
    }

    @Test
    void haltsAProcessCallThatNeverReturnsNamingItsLineAndLeavesNoFile() throws Exception {
        Path classpathFile = CompiledProject.withProcessor(work.resolve("project"), "demo.Hang", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Hang implements Processor {
                    public List<Parameter> parameters() { return List.of(); }
                    public void process(AudioBlock block, ParameterValues values) {
                        long turns = 0;
                        while (turns >= 0) { turns = (turns + 1) & 0xFFFF; }
                    }
                }
                """).classpathFile();
        long started = System.nanoTime();

        LaunchEvent event = render(options(classpathFile, 2, Duration.ofSeconds(1)));

        assertThat(event.problem()).isEqualTo("PROCESSOR_STUCK");
        assertThat(event.message()).startsWith("demo.Hang.process() did not return within 1 s, at 0.000 s (block 1)"
                + " of the audio, so the render was stopped. It is stuck at demo.Hang.process(Hang.java:8).");
        assertThat(event.detail()).contains("at demo.Hang.process(Hang.java:8)");
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("halted").isTrue();
        assertThat(process.exitValue()).isEqualTo(RenderMain.EXIT_STUCK);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LAUNCH_TIMEOUT);
        assertNothingWritten();
    }

    @Test
    void endsMidRenderLeavingNoFileOnceItsParentsPipeCloses() throws Exception {
        Path classpathFile = CompiledProject.withProcessor(work.resolve("project"), "demo.Slow", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Slow implements Processor {
                    public List<Parameter> parameters() { return List.of(); }
                    public void prepare(double sampleRate, int blockSize) { System.out.println("prepared"); }
                    public void process(AudioBlock block, ParameterValues values) {
                        try { Thread.sleep(1); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                    }
                }
                """).classpathFile();
        start(options(classpathFile, RenderOptions.MAX_SECONDS, Duration.ofSeconds(10)));
        assertThat(firstLine.get(LAUNCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("prepared");
        try (Stream<Path> files = Files.list(output().getParent())) {
            assertThat(files).as("the unfinished file").hasSize(1);
        }

        process.getOutputStream().close();

        assertThat(process.waitFor(2, TimeUnit.SECONDS)).as("exited within 2 s").isTrue();
        assertThat(process.exitValue()).isEqualTo(RenderMain.EXIT_PARENT_GONE);
        assertNothingWritten();
    }

    private RenderOptions options(Path classpathFile, double seconds, Duration processorTimeout,
            String... pomParameters) {
        return new RenderOptions(classpathFile, Optional.empty(), processorTimeout, InputSpec.tone(1000, 0.5), seconds,
                output(), SampleFormat.PCM16, 512, List.of(pomParameters), "", Optional.empty());
    }

    private Path output() {
        return work.resolve("out/render.wav");
    }

    private void assertNothingWritten() throws IOException {
        Path directory = output().getParent();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                assertThat(files).isEmpty();
            }
        }
    }

    private LaunchEvent render(RenderOptions options) throws IOException {
        return start(options).orTimeout(LAUNCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Starts the main class as the mojo does, holding its input open, and returns its launch event to come. */
    private CompletableFuture<LaunchEvent> start(RenderOptions options) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(EntryPoints.JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EntryPoints.RENDER));
        command.addAll(options.toArguments());
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<LaunchEvent> event = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    firstLine.complete(line);
                    LaunchEvent.parse(line).ifPresent(event::complete);
                }
            } catch (IOException e) {
                event.completeExceptionally(e);
            }
            event.completeExceptionally(new AssertionError("The renderer exited without a launch event: " + output));
        }, "test-render-output");
        reader.setDaemon(true);
        reader.start();
        return event;
    }
}
