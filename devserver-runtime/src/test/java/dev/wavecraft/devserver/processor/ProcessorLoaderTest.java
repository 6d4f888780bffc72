package dev.wavecraft.devserver.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wavecraft.devserver.processor.ProcessorLoadException.Problem;
import dev.wavecraft.devserver.testing.CompiledProject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery and creation against projects compiled for real. */
class ProcessorLoaderTest {

    @TempDir
    Path project;

    @Test
    void loadsTheProcessorListedInTheServiceFile() throws Exception {
        CompiledProject compiled = CompiledProject.withProcessor(project, "demo.Tone", processor("Tone", ""));

        LoadedProcessor loaded = loader(Optional.empty()).load(compiled.classpath(), 1);

        assertThat(loaded.className()).isEqualTo("demo.Tone");
        assertThat(loaded.layout().parameters()).extracting(p -> p.id()).containsExactly("level");
        assertThat(loaded.processor().getClass().getClassLoader()).isSameAs(loaded.loader());
    }

    @Test
    void keepsTheServersOwnLibrariesOutOfTheProjectsClassLoader() throws Exception {
        CompiledProject compiled = CompiledProject.withProcessor(project, "demo.Tone", processor("Tone", ""));

        LoadedProcessor loaded = loader(Optional.empty()).load(compiled.classpath(), 1);

        assertThatThrownBy(() -> loaded.loader().loadClass("com.google.gson.Gson"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(loaded.loader().loadClass("dev.wavecraft.api.Processor"))
                .isSameAs(dev.wavecraft.api.Processor.class);
    }

    @Test
    void namesTheImplementingClassesWhenNoneIsListed() {
        CompiledProject compiled = CompiledProject.of(project, Map.of("demo.Tone", processor("Tone", "")), Map.of());

        assertFailure(compiled, Optional.empty(), Problem.NO_PROCESSOR)
                .hasMessageContainingAll("No processor found", "demo.Tone",
                        "src/main/resources/META-INF/services/dev.wavecraft.api.Processor", "<processor>");
    }

    @Test
    void listsEveryProcessorWhenSeveralAreListedWithoutAChoice() {
        CompiledProject compiled = CompiledProject.of(project,
                Map.of("demo.A", processor("A", ""), "demo.B", processor("B", "")),
                Map.of(CompiledProject.SERVICE_FILE, "demo.A\ndemo.B\n"));

        assertFailure(compiled, Optional.empty(), Problem.SEVERAL_PROCESSORS)
                .hasMessageContainingAll("Found 2 processors", "demo.A", "demo.B", "<processor>",
                        "-Dwavecraft.processor");
    }

    @Test
    void theConfiguredClassWinsOverTheServiceFile() throws Exception {
        CompiledProject compiled = CompiledProject.of(project,
                Map.of("demo.A", processor("A", ""), "demo.B", processor("B", "")),
                Map.of(CompiledProject.SERVICE_FILE, "demo.A\ndemo.B\n"));

        LoadedProcessor loaded = loader(Optional.of("demo.B")).load(compiled.classpath(), 1);

        assertThat(loaded.className()).isEqualTo("demo.B");
    }

    @Test
    void reportsAConfiguredClassThatIsMissingOrNoProcessor() {
        CompiledProject compiled = CompiledProject.of(project,
                Map.of("demo.Plain", "package demo; public class Plain {}"), Map.of());

        assertFailure(compiled, Optional.of("demo.Missing"), Problem.PROCESSOR_CLASS_NOT_FOUND)
                .hasMessageContainingAll("'demo.Missing'", "fully qualified");
        assertFailure(compiled, Optional.of("demo.Plain"), Problem.NOT_A_PROCESSOR)
                .hasMessageContainingAll("'demo.Plain'", "does not implement dev.wavecraft.api.Processor");
    }

    @Test
    void reportsAConstructorThatThrowsWithTheProjectsOwnFrame() {
        CompiledProject compiled = CompiledProject.withProcessor(project, "demo.Broken",
                processor("Broken", "public Broken() { throw new IllegalStateException(\"no audio today\"); }"));

        assertFailure(compiled, Optional.empty(), Problem.PROCESSOR_CREATE_FAILED)
                .hasMessageContainingAll("The constructor of demo.Broken", "no audio today", "(at demo.Broken.<init>(Broken.java:5))");
    }

    @Test
    void reportsAStaticInitialiserThatThrows() {
        CompiledProject compiled = CompiledProject.withProcessor(project, "demo.Static",
                processor("Static", "static { if (true) throw new IllegalArgumentException(\"bad table\"); }"));

        assertFailure(compiled, Optional.empty(), Problem.PROCESSOR_CREATE_FAILED)
                .hasMessageContainingAll("The static initialiser of demo.Static", "bad table");
    }

    @Test
    void givesUpOnAConstructorThatNeverReturns() {
        CompiledProject compiled = CompiledProject.withProcessor(project, "demo.Stuck",
                processor("Stuck", "public Stuck() throws InterruptedException { new java.util.concurrent.CountDownLatch(1).await(); }"));

        assertFailure(compiled, Optional.empty(), Problem.PROCESSOR_CREATE_TIMED_OUT)
                .hasMessageContainingAll("demo.Stuck", "did not finish within 300 ms", "wavecraft.processorTimeout");
    }

    @Test
    void reportsAnInvalidDeclarationNamingTheParameterAndRule() {
        CompiledProject compiled = CompiledProject.withProcessor(project, "demo.Twice", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Twice implements Processor {
                    public List<Parameter> parameters() {
                        return List.of(BoolParameter.of("on", "On", true), BoolParameter.of("on", "Also on", false));
                    }
                    public void process(AudioBlock block, ParameterValues values) {}
                }
                """);

        assertFailure(compiled, Optional.empty(), Problem.INVALID_PARAMETERS)
                .hasMessageContainingAll("demo.Twice", "'on'", "declared twice");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertFailure(CompiledProject compiled,
            Optional<String> override, Problem problem) {
        return assertThatThrownBy(() -> loader(override).load(compiled.classpath(), 1))
                .isInstanceOfSatisfying(ProcessorLoadException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem));
    }

    private static ProcessorLoader loader(Optional<String> override) {
        return new ProcessorLoader(override, Duration.ofMillis(300));
    }

    private static String processor(String name, String extraMembers) {
        return """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class %s implements Processor {
                    %s
                    public List<Parameter> parameters() {
                        return List.of(FloatParameter.of("level", "Level", 0, 1, 0.5));
                    }
                    public void process(AudioBlock block, ParameterValues values) {}
                }
                """.formatted(name, extraMembers);
    }
}
