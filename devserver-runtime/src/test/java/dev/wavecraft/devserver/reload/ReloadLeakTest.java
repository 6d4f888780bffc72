package dev.wavecraft.devserver.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.LoaderLeakDetector;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.reload.BuildReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of reloads through a real server's control channel in this one JVM: old generations
 * must be collected. The same detector must catch a processor that does leak its generations.
 */
class ReloadLeakTest {

    private static final int RELOADS = 200;
    private static final int MEASURED_FROM = 50;
    private static final long METASPACE_GROWTH_LIMIT = 8L << 20;
    private static final String SECRET = "a-per-run-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path FIGURES = Path.of("target/leaks/reload-leaks.txt");
    private static final String HOARD_PREFIX = "wavecraft.test.hoard.";
    private static final List<String> FIGURE_LINES = new ArrayList<>();

    @TempDir
    Path project;

    @Test
    void twoHundredReloadsLeaveAtMostOneOldGenerationAndMetaspaceFlat() throws Exception {
        CompiledProject compiled = CompiledProject.example(project);
        LoaderLeakDetector detector = new LoaderLeakDetector();
        long metaspaceAtFifty = 0;
        long start = System.nanoTime();
        try (DevServer server = start(compiled); ControlClient control = connect(server)) {
            for (int reload = 1; reload <= RELOADS; reload++) {
                reloadAndTrackTheOld(server, control, compiled, detector);
                if (reload == MEASURED_FROM) {
                    detector.collect(1);
                    metaspaceAtFifty = metaspaceUsed();
                }
            }
            long loopMs = (System.nanoTime() - start) / 1_000_000;
            LoaderLeakDetector.Result result = detector.collect(1);
            long metaspaceAtEnd = metaspaceUsed();

            report("200 reloads of examples/gain through a real server: " + result + "; Metaspace used "
                    + mib(metaspaceAtFifty) + " after reload " + MEASURED_FROM + ", " + mib(metaspaceAtEnd)
                    + " after reload " + RELOADS + " (growth " + mib(metaspaceAtEnd - metaspaceAtFifty) + "); "
                    + RELOADS + " reloads in " + loopMs + " ms");
            assertThat(server.live().number()).isEqualTo(RELOADS + 1);
            assertThat(result.alive()).as("old generations still in memory: %s", result).isLessThanOrEqualTo(1);
            assertThat(metaspaceAtEnd - metaspaceAtFifty).as("Metaspace growth from reload %d to %d",
                    MEASURED_FROM, RELOADS).isLessThan(METASPACE_GROWTH_LIMIT);
        }
    }

    @Test
    void detectsAProcessorThatLeaksItsGenerations() throws Exception {
        // Negative control: each instance files itself in the system properties, a JDK-wide map
        // that retiring a generation does not clean, so every old generation stays reachable.
        CompiledProject compiled = CompiledProject.withProcessor(project, "demo.Hoarder", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Hoarder implements Processor {
                    public Hoarder() {
                        System.getProperties().put("%s" + System.identityHashCode(this), this);
                    }
                    public List<Parameter> parameters() { return List.of(FloatParameter.of("gain", "Gain", -60, 12, 0)); }
                    public void process(AudioBlock block, ParameterValues values) { }
                }
                """.formatted(HOARD_PREFIX));
        LoaderLeakDetector detector = new LoaderLeakDetector();
        int reloads = 10;
        try (DevServer server = start(compiled); ControlClient control = connect(server)) {
            for (int reload = 1; reload <= reloads; reload++) {
                reloadAndTrackTheOld(server, control, compiled, detector);
            }

            LoaderLeakDetector.Result result = detector.collect(1);

            report("Negative control, a processor that files itself in the system properties, " + reloads
                    + " reloads: " + result);
            assertThat(result.alive()).as("the detector sees the leak: %s", result).isEqualTo(reloads);
        } finally {
            System.getProperties().keySet().removeIf(key -> key.toString().startsWith(HOARD_PREFIX));
        }
    }

    @AfterAll
    static void writeFigures() throws IOException {
        Files.createDirectories(FIGURES.getParent());
        Files.write(FIGURES, FIGURE_LINES);
    }

    /** Reloads once and watches the generation that went out; keeps no reference to it. */
    private static void reloadAndTrackTheOld(DevServer server, ControlClient control, CompiledProject compiled,
            LoaderLeakDetector detector) throws Exception {
        ClassLoader old = server.live().processor().loader();
        ControlMessages.Reloaded reloaded = control.reload(new ControlMessages.Reload(0,
                List.of(compiled.classes().toString()), List.of(), new BuildReport(List.of(), "change", 0, 0)), WAIT);
        assertThat(reloaded.ok()).as("reload failed: %s", reloaded.message()).isTrue();
        detector.track(old);
    }

    private static DevServer start(CompiledProject compiled) throws Exception {
        return DevServer.start(new DevServerOptions(compiled.classpathFile())
                .withProcessorTimeout(Duration.ofSeconds(10))
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()))
                .withAudio(new AudioOptions(512, InputSpec.tone(440, 0.5), false, 0)), SECRET, () -> { });
    }

    private static ControlClient connect(DevServer server) throws IOException {
        return ControlClient.connect(server.controlPort(), SECRET, message -> { });
    }

    private static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed())
                .findFirst()
                .orElseThrow(() -> new AssertionError("This JVM has no memory pool named Metaspace"));
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f MiB", bytes / (double) (1 << 20));
    }

    private static void report(String figures) {
        System.out.println("[leaks] " + figures);
        synchronized (FIGURE_LINES) {
            FIGURE_LINES.add(figures);
        }
    }
}
