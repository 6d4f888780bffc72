package dev.wavecraft.devserver.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.testing.CompiledProject;
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

    /** Lets the fixture's thread in this generation end, so it does not outlive the test. */
    private static void stopThreadsOf(ClassLoader generation) throws ReflectiveOperationException {
        ((AtomicBoolean) generation.loadClass("demo.Busy").getField("STOP").get(null)).set(true);
    }
}
