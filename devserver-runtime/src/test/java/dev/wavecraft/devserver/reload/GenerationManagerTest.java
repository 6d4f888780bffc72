package dev.wavecraft.devserver.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.LoaderLeakDetector;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    @Test
    void reloadsALocalModulesClassesInTheGenerationsOwnLoader() throws Exception {
        Path dsp = project.resolve("dsp");
        Path app = project.resolve("app");
        CompiledProject module = compileTuning(dsp, "cutoff", 0.25);
        CompiledProject processor = CompiledProject.of(app, Map.of("demo.Synth", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Synth implements Processor {
                    public List<Parameter> parameters() { return List.of(dsp.Tuning.knob()); }
                    public void process(AudioBlock block, ParameterValues values) { }
                }
                """), Map.of(CompiledProject.SERVICE_FILE, "demo.Synth\n"), List.of(module.classes()));
        ProjectClasspath classpath = new ProjectClasspath(List.of(processor.classes(), module.classes()), List.of());
        ProcessorLoader loader = new ProcessorLoader(Optional.empty(), Duration.ofSeconds(5));
        try {
            LoadedProcessor first = loader.load(classpath, 1);
            GenerationManager generations = new GenerationManager(loader, new ParameterHost(first.layout()),
                    new Generation(1, first, Instant.now()), warning -> { });
            assertThat(first.loader().loadClass("dsp.Tuning").getClassLoader()).isSameAs(first.loader());
            assertThat(first.layout().parameters()).extracting(p -> p.id()).containsExactly("cutoff");

            compileTuning(dsp, "resonance", 0.75);
            Swap swap = generations.reload(2, classpath);

            LoadedProcessor second = swap.generation().processor();
            assertThat(second.loader().loadClass("dsp.Tuning").getClassLoader()).isSameAs(second.loader());
            assertThat(second.layout().parameters()).extracting(p -> p.id(), p -> p.defaultValue())
                    .containsExactly(tuple("resonance", 0.75));
            assertThat(first.processor().parameters()).extracting(p -> p.id(), p -> p.defaultValue())
                    .containsExactly(tuple("cutoff", 0.25));
        } finally {
            loader.close();
        }
    }

    /** A local module whose one class declares the knob the processor module uses. */
    private static CompiledProject compileTuning(Path module, String id, double defaultValue) {
        return CompiledProject.of(module, Map.of("dsp.Tuning", """
                package dsp;
                import dev.wavecraft.api.*;
                public final class Tuning {
                    public static Parameter knob() { return FloatParameter.of("%s", "Knob", 0, 1, %s); }
                }
                """.formatted(id, defaultValue)), Map.of());
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
