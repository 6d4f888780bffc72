package dev.wavecraft.maven.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.maven.incremental.Pass.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passes planned for a rebuild, on classes compiled by the JDK's javac; here the test compiles
 * what a pass leaves stale, where a rebuild would run maven-compiler-plugin.
 */
class IncrementalCompileTest {

    private static final String LEVELS = "com/example/Levels.java";
    private static final String GAIN = "com/example/Gain.java";
    private static final String OTHER = "com/example/Other.java";

    @TempDir
    Path temp;

    private JavaSources module;
    private Path setupFile;
    private IncrementalCompile compile;

    @BeforeEach
    void compileAModuleAndReadIt() throws IOException {
        module = new JavaSources(temp);
        module.compileAll(Map.of(
                LEVELS, levels("public static final float UNITY = 1f;", "public float clip(float x) { return x; }"),
                GAIN, """
                        package com.example;
                        public class Gain {
                            float apply(float in) { return new Levels().clip(in) * Levels.UNITY; }
                            class Stage { }
                        }
                        """,
                OTHER, "package com.example; class Other { }"));
        setupFile = temp.resolve("target/wavecraft/compile-setup.json");
        new CompileSetup(List.of(module.module())).write(setupFile);
        compile = new IncrementalCompile(setupFile, new SystemStreamLog());
        compile.load();
    }

    @Test
    void beforeTheClassesAreReadTheCompilerPluginDecides() {
        IncrementalCompile unread = new IncrementalCompile(setupFile, new SystemStreamLog());

        assertThat(unread.begin(changed(GAIN)).mode()).isEqualTo(Mode.MAVEN_DECIDES);
        assertThat(module.classes.resolve("com/example/Gain.class")).exists();
    }

    @Test
    void aChangedSourceLosesItsClassesNestedOnesIncludedAndNothingElse() {
        Pass pass = compile.begin(changed(GAIN));

        assertThat(pass.mode()).isEqualTo(Mode.CHANGED_AND_DEPENDENTS);
        assertThat(pass.properties()).containsEntry("maven.compiler.useIncrementalCompilation", "false");
        assertThat(module.classes.resolve("com/example/Gain.class")).doesNotExist();
        assertThat(module.classes.resolve("com/example/Gain$Stage.class")).doesNotExist();
        assertThat(module.classes.resolve("com/example/Levels.class")).exists();
    }

    @Test
    void aBodyChangeTakesOnePass() throws IOException {
        compile.begin(changed(LEVELS));
        module.write(LEVELS, levels("public static final float UNITY = 1f;", "public float clip(float x) { return x * 2; }"));
        module.compile(LEVELS);

        assertThat(compile.next()).isEmpty();
        assertThat(module.classes.resolve("com/example/Gain.class")).exists();
    }

    @Test
    void aSignatureChangeCompilesTheUsersInASecondPass() throws IOException {
        compile.begin(changed(LEVELS));
        module.write(LEVELS, levels("public static final float UNITY = 1f;", "public float clip(double x) { return 1; }"));
        module.compile(LEVELS);

        Optional<Pass> second = compile.next();

        assertThat(second).map(Pass::mode).contains(Mode.CHANGED_AND_DEPENDENTS);
        assertThat(module.classes.resolve("com/example/Gain.class")).doesNotExist();
        assertThat(module.classes.resolve("com/example/Other.class")).exists();
        module.compile(GAIN);
        assertThat(compile.next()).isEmpty();
    }

    @Test
    void aChangedConstantCompilesWholeModules() throws IOException {
        compile.begin(changed(LEVELS));
        module.write(LEVELS, levels("public static final float UNITY = 0.5f;", "public float clip(float x) { return x; }"));
        module.compile(LEVELS);

        Optional<Pass> next = compile.next();

        assertThat(next).map(Pass::mode).contains(Mode.WHOLE_MODULES);
        assertThat(next.get().reason()).contains("constant", "com.example.Levels");
        assertThat(classFiles()).isEmpty();
    }

    @Test
    void aPomChangeOrADeletedSourceCompilesWholeModules() throws IOException {
        assertThat(compile.begin(new SourceChanges(Set.of(), Set.of(), true)).reason()).isEqualTo("a POM changed");
        Path deleted = module.sources.resolve(OTHER);
        Files.delete(deleted);

        Pass pass = compile.begin(new SourceChanges(Set.of(deleted), Set.of(deleted), false));

        assertThat(pass.mode()).isEqualTo(Mode.WHOLE_MODULES);
        assertThat(pass.reason()).isEqualTo("Other.java was deleted or renamed");
        assertThat(pass.properties()).isEmpty();
        assertThat(classFiles()).isEmpty();
    }

    @Test
    void theSourcesOfAFailedPassAreCompiledWithTheNextChange() {
        compile.begin(changed(GAIN));
        compile.failed();
        module.compile(GAIN); // as javac may write some classes of a failed compile

        compile.begin(changed(OTHER));

        assertThat(module.classes.resolve("com/example/Gain.class")).doesNotExist();
        assertThat(module.classes.resolve("com/example/Other.class")).doesNotExist();
    }

    @Test
    void aModuleWithAnnotationProcessorsLeavesTheCompileToTheCompilerPlugin() throws IOException {
        CompiledModule processed = new CompiledModule("demo", module.classes.toString(),
                List.of(module.sources.toString()), "an annotation processor in org.projectlombok:lombok");
        new CompileSetup(List.of(processed)).write(setupFile);
        compile.load();

        Pass pass = compile.begin(changed(GAIN));

        assertThat(pass.mode()).isEqualTo(Mode.MAVEN_DECIDES);
        assertThat(pass.reason()).contains("lombok", "in demo");
        assertThat(module.classes.resolve("com/example/Gain.class")).exists();
    }

    private SourceChanges changed(String source) {
        return new SourceChanges(Set.of(module.sources.resolve(source)), Set.of(), false);
    }

    private List<Path> classFiles() throws IOException {
        try (var files = Files.walk(module.classes)) {
            return files.filter(file -> file.toString().endsWith(".class")).toList();
        }
    }

    private static String levels(String constant, String method) {
        return "package com.example;\npublic class Levels {\n    " + constant + "\n    " + method + "\n}\n";
    }
}
