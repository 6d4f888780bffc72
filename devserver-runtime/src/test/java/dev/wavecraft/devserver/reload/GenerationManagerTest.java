package dev.wavecraft.devserver.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.LoaderLeakDetector;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationManagerTest {

    @TempDir
    Path project;

    @Test
    void namesAThreadOfARetiredGenerationThatIgnoresItsInterrupt() throws Exception {
        CompiledProject compiled = CompiledProject.withProcessor(project, "demo.Busy", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Busy implements Processor {
                    public static final java.util.concurrent.atomic.AtomicBoolean STOP = new java.util.concurrent.atomic.AtomicBoolean();
                    public Busy() {
                        Thread stubborn = new Thread(() -> {
                            while (!STOP.get()) {
                                try { Thread.sleep(20); } catch (InterruptedException ignored) { }
                            }
                        }, "stubborn-lfo");
                        stubborn.setDaemon(true);
                        stubborn.start();
                    }
                    public List<Parameter> parameters() { return List.of(); }
                    public void process(AudioBlock block, ParameterValues values) { }
                }
                """);
        ProcessorLoader loader = new ProcessorLoader(Optional.empty(), Duration.ofSeconds(5));
        LoadedProcessor first = loader.load(compiled.classpath(), 1);
        LinkedBlockingQueue<String> warnings = new LinkedBlockingQueue<>();
        GenerationManager generations = new GenerationManager(loader, new ParameterHost(first.layout()),
                new Generation(1, first, Instant.now()), warnings::add);
        try {
            generations.reload(2, compiled.classpath());

            String warning = warnings.poll(10, TimeUnit.SECONDS);
            assertThat(warning).contains("Generation 1", "stubborn-lfo");
        } finally {
            stopThreadsOf(first.loader());
            stopThreadsOf(generations.live().processor().loader());
            loader.close();
        }
    }

    @Test
    void rollsBackToAKeptGenerationWhoseLoaderWasCollectedByLoadingItAnew() throws Exception {
        ProcessorLoader loader = new ProcessorLoader(Optional.empty(), Duration.ofSeconds(5));
        LoaderLeakDetector detector = new LoaderLeakDetector();
        try {
            GenerationManager generations = startWithParameter(loader, "first");
            detector.track(generations.live().processor().loader());
            generations.reload(2, compileWithParameter("second").classpath());
            detector.track(generations.live().processor().loader());
            generations.reload(3, compileWithParameter("third").classpath());

            LoaderLeakDetector.Result collected = detector.collect(0);
            assertThat(collected.alive()).as("kept for rollback, yet collected: %s", collected).isZero();
            assertThat(generations.rollbackCandidates()).containsExactly(2, 1);

            Swap swap = generations.rollback(4, Optional.of(2));

            assertThat(swap.generation().number()).isEqualTo(4);
            assertThat(swap.generation().processor().loader().getName()).isEqualTo("wavecraft-generation-4");
            assertThat(swap.generation().processor().layout().parameters()).extracting(p -> p.id())
                    .containsExactly("second");
            assertThat(generations.rollbackCandidates()).containsExactly(3, 2, 1);
        } finally {
            loader.close();
        }
    }

    private GenerationManager startWithParameter(ProcessorLoader loader, String id) throws Exception {
        LoadedProcessor first = loader.load(compileWithParameter(id).classpath(), 1);
        return new GenerationManager(loader, new ParameterHost(first.layout()),
                new Generation(1, first, Instant.now()), warning -> { });
    }

    private CompiledProject compileWithParameter(String id) {
        return CompiledProject.withProcessor(project, "demo.Knob", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Knob implements Processor {
                    public List<Parameter> parameters() { return List.of(FloatParameter.of("%s", "Knob", 0, 1, 0)); }
                    public void process(AudioBlock block, ParameterValues values) { }
                }
                """.formatted(id));
    }

    /** Lets the fixture's thread in this generation end, so it does not outlive the test. */
    private static void stopThreadsOf(ClassLoader generation) throws ReflectiveOperationException {
        ((AtomicBoolean) generation.loadClass("demo.Busy").getField("STOP").get(null)).set(true);
    }
}
