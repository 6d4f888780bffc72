package dev.wavecraft.devserver.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.reload.retire.GlobalRegistrations;
import dev.wavecraft.devserver.testing.CompiledProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class file that cannot be read for a moment: the reload tries again after 100 ms, then 200,
 * 400 and 800, and gives up after five tries. The file is a link to {@code /proc/self/mem}, whose
 * first page is never mapped: reading it is a real I/O error (EIO), also for root, whom file
 * permissions would not stop. The test's sleeper waits for nothing and mends the file when told.
 */
@EnabledOnOs(OS.LINUX)
class SnapshotRetryTest {

    private static final Path UNREADABLE = Path.of("/proc/self/mem");

    @TempDir
    Path project;

    private final List<String> warnings = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private CompiledProject compiled;
    private Path classFile;
    private ProcessorLoader loader;

    @BeforeEach
    void compile() {
        compiled = CompiledProject.withProcessor(project, "demo.Tone", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Tone implements Processor {
                    public List<Parameter> parameters() { return List.of(FloatParameter.of("gain", "Gain", -60, 12, 0)); }
                    public void process(AudioBlock block, ParameterValues values) { }
                }
                """);
        classFile = compiled.classes().resolve("demo/Tone.class");
    }

    @AfterEach
    void close() throws IOException {
        loader.close();
    }

    @Test
    void loadsOnceTheClassesReadAgainAfterTwoRetries() throws Exception {
        GenerationManager generations = start(pause -> {
            if (pauses.size() == 2) {
                mend();
            }
        });
        breakRead();

        Swap swap = generations.reload(2, compiled.classpath());

        assertThat(swap.generation().number()).isEqualTo(2);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains(compiled.classes().toString(), "try 1 of 5", "Input/output error",
                "trying again in 100 ms");
        assertThat(warnings.get(1)).contains("try 2 of 5", "trying again in 200 ms");
    }

    @Test
    void reportsTheFailureAfterFiveTriesAndKeepsTheLiveGeneration() throws Exception {
        GenerationManager generations = start(pause -> { });
        breakRead();
        try {
            assertThatThrownBy(() -> generations.reload(2, compiled.classpath()))
                    .isInstanceOfSatisfying(ReloadFailure.class, failure -> {
                        assertThat(failure.stage()).isEqualTo("snapshot");
                        assertThat(failure.getMessage()).contains(compiled.classes().toString(), "after 5 tries",
                                "Input/output error", "readable");
                    });
        } finally {
            mend();
        }

        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800));
        assertThat(warnings).hasSize(4);
        assertThat(warnings.get(3)).contains("try 4 of 5", "trying again in 800 ms");
        assertThat(generations.live().number()).isEqualTo(1);
        assertThat(generations.reload(2, compiled.classpath()).generation().number()).isEqualTo(2);
    }

    /** A manager on the server's own backoff, paused by {@code onPause} instead of a real sleep. */
    private GenerationManager start(Backoff.Sleeper onPause) throws Exception {
        GlobalRegistrations globals = GlobalRegistrations.capture(warnings::add);
        loader = new ProcessorLoader(Optional.empty(), Duration.ofSeconds(5));
        LoadedProcessor first = loader.load(compiled.classpath(), 1);
        return new GenerationManager(loader, new ParameterHost(first.layout()), new Generation(1, first, Instant.now()),
                warnings::add, ProcessorSwapListener.NONE, globals, Backoff.SNAPSHOT.withSleeper(pause -> {
                    pauses.add(pause);
                    onPause.sleep(pause);
                }));
    }

    private void breakRead() throws IOException {
        Files.move(classFile, classFile.resolveSibling("Tone.class.good"));
        Files.createSymbolicLink(classFile, UNREADABLE);
    }

    private void mend() {
        try {
            if (Files.isSymbolicLink(classFile)) {
                Files.delete(classFile);
                Files.move(classFile.resolveSibling("Tone.class.good"), classFile);
            }
        } catch (IOException e) {
            throw new AssertionError("Could not put " + classFile + " back", e);
        }
    }
}
