package dev.wavecraft.devserver.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.http.ClientRegistry;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.rpc.ReloadNotifier;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.reload.BuildReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audio side asks for earlier code when a generation crashed or hung; by the time the reload
 * thread gets to it, a save may already have replaced that generation.
 */
class CrashedRollbackTest {

    @TempDir
    Path project;

    private final ProcessorLoader loader = new ProcessorLoader(Optional.empty(), Duration.ofSeconds(5));
    private ReloadCoordinator reloads;

    @AfterEach
    void close() throws Exception {
        if (reloads != null) {
            reloads.close();
        }
        loader.close();
    }

    @Test
    void bringsBackEarlierCodeWhileTheFailingGenerationIsLive() throws Exception {
        start();
        reloads.reload(compiled("second"), report());

        Optional<Swap> restored = reloads.crashed(2, Optional.of(1), "hung in process() (stuck at demo.Knob)");

        assertThat(restored).map(swap -> swap.generation().number()).contains(3);
        assertThat(reloads.status().generation()).isEqualTo(3);
        assertThat(reloads.status().autoReload()).as("the breaker opened").isFalse();
    }

    @Test
    void leavesNewerCodeThatWentLiveMeanwhileAlone() throws Exception {
        start();
        reloads.reload(compiled("second"), report());
        reloads.reload(compiled("third"), report());

        Optional<Swap> restored = reloads.crashed(2, Optional.of(1), "hung in process() (stuck at demo.Knob)");

        assertThat(restored).isEmpty();
        assertThat(reloads.status().generation()).isEqualTo(3);
        assertThat(reloads.status().autoReload()).as("the breaker stays closed").isTrue();
        assertThat(reloads.history()).extracting(HistoryEntry::outcome).doesNotContain(HistoryEntry.ROLLED_BACK);
    }

    private void start() throws Exception {
        LoadedProcessor first = loader.load(compiled("first"), 1);
        GenerationManager generations = new GenerationManager(loader, new ParameterHost(first.layout()),
                new Generation(1, first, Instant.now()), warning -> { });
        reloads = new ReloadCoordinator(generations, new ReloadNotifier(new ClientRegistry()));
    }

    private static BuildReport report() {
        return new BuildReport(List.of("src/main/java/demo/Knob.java"), "change", 0, 0);
    }

    private ProjectClasspath compiled(String id) {
        return CompiledProject.withProcessor(project, "demo.Knob", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Knob implements Processor {
                    public List<Parameter> parameters() { return List.of(FloatParameter.of("%s", "Knob", 0, 1, 0)); }
                    public void process(AudioBlock block, ParameterValues values) { }
                }
                """.formatted(id)).classpath();
    }
}
