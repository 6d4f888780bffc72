package dev.wavecraft.maven.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.maven.incremental.IncrementalCompile;
import dev.wavecraft.maven.watch.ChangeSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds with the fast compile path in a real Maven, on a small project whose classes use each
 * other: after every edit, {@code target/classes} must be byte for byte what a clean full compile
 * of the same sources gives, and the edits that need it must take the whole-module path.
 */
class IncrementalBuildIT {

    private static final Path MAVEN_HOME = Path.of(System.getProperty("maven.home"));
    private static final String LEVELS = "src/main/java/com/example/dsp/Levels.java";
    private static final String GAIN = "src/main/java/com/example/dsp/Gain.java";
    private static final String CHAIN = "src/main/java/com/example/chain/Chain.java";
    private static final String REPORT = "src/main/java/com/example/chain/Report.java";
    private static final String NAMES = "src/main/java/com/example/util/Names.java";
    private static final String DELAY = "src/main/java/com/example/dsp/Delay.java";
    private static final String MOVED_DELAY = "src/main/java/com/example/effects/Delay.java";
    private static final String MIXER = "app/src/main/java/com/example/app/Mixer.java";

    @TempDir
    Path temp;

    private IncrementalProject project;
    /** The module with the processor in a reactor, built with {@code -pl <module> -am}. */
    private Optional<String> module = Optional.empty();
    private final List<String> passes = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private ChangeBuilder builds;

    /** A module whose classes use each other, built once, its classes read. */
    private void startWithOneModule() throws IOException {
        project = new IncrementalProject(temp.resolve("project"));
        project.writePom("", "");
        project.write(LEVELS, levels("1f", "float x", "Math.max(-1, Math.min(1, x))"));
        project.write("src/main/java/com/example/dsp/Stage.java",
                "package com.example.dsp;\n\npublic interface Stage {\n    float process(float in);\n}\n");
        project.write(GAIN, """
                package com.example.dsp;

                public class Gain implements Stage {
                    public float process(float in) {
                        return Levels.clip(in * Levels.UNITY);
                    }
                }
                """);
        project.write(CHAIN, chain("new Gain()", "import com.example.util.Names;\n", "Names.of(this)"));
        project.write(REPORT, """
                package com.example.chain;

                class Report {
                    String line(Chain chain) {
                        return chain.name() + ": " + chain.run(0.5f);
                    }
                }
                """);
        project.write(NAMES, """
                package com.example.util;

                public final class Names {
                    public static String of(Object named) {
                        return named.getClass().getSimpleName();
                    }
                }
                """);
        buildOnce();
    }

    /** A reactor: {@code app} uses {@code dsp}'s Levels, and its Ui uses nothing of dsp. */
    private void startWithAReactor() throws IOException {
        project = new IncrementalProject(temp.resolve("project"));
        project.writeReactorPoms();
        project.write("dsp/" + LEVELS, levels("1f", "float x", "x"));
        project.write(MIXER, """
                package com.example.app;

                public class Mixer {
                    float mix(float a, float b) {
                        return com.example.dsp.Levels.clip(a + b);
                    }
                }
                """);
        project.write("app/src/main/java/com/example/app/Ui.java",
                "package com.example.app;\n\nclass Ui {\n    String title() {\n        return \"Mixer\";\n    }\n}\n");
        module = Optional.of("app");
        buildOnce();
    }

    private void buildOnce() {
        builds = changeBuilder(project.root());
        assertThat(builds.firstBuild(true).succeeded()).isTrue();
        builds.readClasses();
    }

    @AfterEach
    void closeBuilders() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void afterEveryKindOfEditTheClassesAreThoseOfACleanFullCompile() throws Exception {
        startWithOneModule();
        Map<String, Instant> start = project.classTimes();
        rebuildAfter(change(LEVELS, levels("1f", "float x", "Math.max(-0.5f, Math.min(0.5f, x))")));
        assertThat(passes).containsExactly("CHANGED_AND_DEPENDENTS");
        assertThat(project.rewrittenSince(start)).containsExactly("target/classes/com/example/dsp/Levels.class");

        start = project.classTimes();
        rebuildAfter(change(LEVELS, levels("1f", "double x", "(float) Math.max(-1, Math.min(1, x))")));
        assertThat(passes).containsExactly("CHANGED_AND_DEPENDENTS", "CHANGED_AND_DEPENDENTS");
        assertThat(project.rewrittenSince(start))
                .containsExactly("target/classes/com/example/dsp/Gain.class", "target/classes/com/example/dsp/Levels.class");

        rebuildAfter(change(LEVELS, levels("0.5f", "double x", "(float) Math.max(-1, Math.min(1, x))")));
        assertThat(passes).containsExactly("CHANGED_AND_DEPENDENTS", "WHOLE_MODULES");

        rebuildAfter(change(DELAY, delay("com.example.dsp", "")), change(CHAIN, chain("new Gain(), new Delay()",
                "import com.example.util.Names;\n", "Names.of(this)")));
        assertThat(passes).containsExactly("CHANGED_AND_DEPENDENTS");

        rebuildAfter(deletion(NAMES), change(CHAIN, chain("new Gain(), new Delay()", "", "\"chain\"")));
        assertThat(passes).containsExactly("WHOLE_MODULES");

        rebuildAfter(deletion(DELAY), change(MOVED_DELAY, delay("com.example.effects", "import com.example.dsp.*;\n")),
                change(CHAIN, chain("new Gain(), new com.example.effects.Delay()", "", "\"chain\"")));
        assertThat(passes).containsExactly("WHOLE_MODULES");
        assertThat(project.file("target/classes/com/example/dsp/Delay.class")).doesNotExist();
    }

    @Test
    void aPomChangeACompilerArgumentAndADeletedSourceEachCompileWholeModules() throws Exception {
        startWithOneModule();
        Map<String, Instant> start = project.classTimes();
        project.writePom("<description>changed</description>", "");
        rebuildAfter(new ChangeSet(Set.of(), Set.of(), Set.of(project.file("pom.xml")), Set.of(), Instant.now()));
        assertThat(passes).containsExactly("WHOLE_MODULES");
        assertThat(project.rewrittenSince(start)).containsExactlyElementsOf(start.keySet());

        project.writePom("<description>changed</description>", "<arg>-parameters</arg>");
        rebuildAfter(new ChangeSet(Set.of(), Set.of(), Set.of(project.file("pom.xml")), Set.of(), Instant.now()));
        assertThat(passes).containsExactly("WHOLE_MODULES");

        start = project.classTimes();
        rebuildAfter(deletion(REPORT));
        assertThat(passes).containsExactly("WHOLE_MODULES");
        assertThat(project.rewrittenSince(start)).hasSize(start.size() - 1);
        assertThat(project.file("target/classes/com/example/chain/Report.class")).doesNotExist();
    }

    @Test
    void aChangedApiInALocalModuleCompilesItsUsersInTheModuleThatDependsOnIt() throws Exception {
        startWithAReactor();
        Map<String, Instant> start = project.classTimes();
        rebuildAfter(change("dsp/" + LEVELS, levels("1f", "float x", "x * 0.5f")));
        assertThat(passes).containsExactly("CHANGED_AND_DEPENDENTS");
        assertThat(project.rewrittenSince(start)).containsExactly("dsp/target/classes/com/example/dsp/Levels.class");

        start = project.classTimes();
        rebuildAfter(change("dsp/" + LEVELS, levels("1f", "double x", "(float) x")));
        assertThat(passes).containsExactly("CHANGED_AND_DEPENDENTS", "CHANGED_AND_DEPENDENTS");
        assertThat(project.rewrittenSince(start)).containsExactly("app/target/classes/com/example/app/Mixer.class",
                "dsp/target/classes/com/example/dsp/Levels.class");
    }

    @Test
    void theWarmUpRunsASavesPathAndLeavesTheClassesAsTheyWere() throws Exception {
        startWithOneModule();
        Map<String, String> before = project.classDigests();
        Path warmed = builds.warmUp().orElseThrow();
        assertThat(passes).hasSize(ChangeBuilder.WARM_UP_ROUNDS).containsOnly("CHANGED_AND_DEPENDENTS");
        assertThat(project.classDigests()).isEqualTo(before);

        String saved = Files.readString(warmed);
        Files.writeString(warmed, saved.replace("{", "{ not java;"));
        passes.clear();
        builds.warmUp();
        assertThat(passes).as("a failed round ends the warm-up").hasSize(1);
        assertThat(project.classDigests()).as("the classes after a failed round").isEqualTo(before);

        rebuildAfter(change(project.root().relativize(warmed).toString(), saved));
    }

    /** Saves the edits, rebuilds as the reload loop would, and compares the classes with a clean compile's. */
    private void rebuildAfter(ChangeSet... edits) throws IOException {
        ChangeSet changes = edits[0];
        for (ChangeSet more : List.of(edits).subList(1, edits.length)) {
            changes = union(changes, more);
        }
        passes.clear();
        BuildResult result = builds.build(BuildRequest.of(changes));
        assertThat(result.succeeded()).as("the rebuild: %s", result.output()).isTrue();
        IncrementalProject reference = project.copyTo(temp.resolve("reference"));
        BuildResult clean = changeBuilder(reference.root()).firstBuild(true);
        assertThat(clean.succeeded()).as("the clean compile: %s", clean.output()).isTrue();
        assertThat(project.classDigests()).as("target/classes after %s", changes.all())
                .isEqualTo(reference.classDigests());
    }

    private ChangeSet change(String relative, String text) throws IOException {
        project.write(relative, text);
        return new ChangeSet(Set.of(project.file(relative)), Set.of(), Set.of(), Set.of(), Instant.now());
    }

    private ChangeSet deletion(String relative) throws IOException {
        Files.delete(project.file(relative));
        return new ChangeSet(Set.of(project.file(relative)), Set.of(), Set.of(), Set.of(project.file(relative)),
                Instant.now());
    }

    private static ChangeSet union(ChangeSet a, ChangeSet b) {
        return new ChangeSet(union(a.sources(), b.sources()), Set.of(), union(a.poms(), b.poms()),
                union(a.deleted(), b.deleted()), a.firstEventAt());
    }

    private static Set<Path> union(Set<Path> a, Set<Path> b) {
        Set<Path> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Builds {@code root} as run does: the classpath goal in the first build, the fast path after;
     * in a reactor from the top-level POM, {@code -pl <module> -am}.
     */
    private ChangeBuilder changeBuilder(Path root) {
        Map<String, String> properties = module.map(name -> Map.of(BuildGoals.CLASSPATH_MODULE_PROPERTY, "demo:" + name))
                .orElse(Map.of());
        Rebuilder rebuilder = new Rebuilder(new Rebuilder.BuildEnvironment(MAVEN_HOME, root, root.resolve("pom.xml"),
                module, Path.of(System.getProperty("wavecraft.it.repo")), Optional.of(project.settings()),
                Optional.empty(), properties, List.of(), "-XX:TieredStopAtLevel=1", false, Duration.ofMinutes(2)),
                new ForkedMaven(MAVEN_HOME));
        BuildGoals goals = new BuildGoals(List.of("process-classes"), List.of("process-resources"),
                "dev.wavecraft:wavecraft-maven-plugin:" + System.getProperty("wavecraft.it.pluginVersion") + ":classpath");
        Path processorModule = module.map(root::resolve).orElse(root);
        IncrementalCompile compile = new IncrementalCompile(processorModule.resolve("target/wavecraft/compile-setup.json"),
                new SystemStreamLog() {
                    @Override
                    public void debug(CharSequence message) {
                        String text = message.toString();
                        if (text.startsWith("Compile pass ")) {
                            passes.add(text.substring(text.indexOf(", ") + 2, text.indexOf(':')));
                        }
                        super.debug(message);
                    }
                });
        ChangeBuilder builder = new ChangeBuilder(rebuilder, goals, Optional.of(compile));
        open.add(builder);
        return builder;
    }

    private static String levels(String unity, String parameter, String body) {
        return "package com.example.dsp;\n\npublic class Levels {\n    public static final float UNITY = " + unity
                + ";\n\n    public static float clip(" + parameter + ") {\n        return " + body + ";\n    }\n}\n";
    }

    private static String chain(String stages, String imports, String name) {
        return "package com.example.chain;\n\nimport com.example.dsp.*;\n" + imports + "\npublic class Chain {\n"
                + "    private final Stage[] stages = { " + stages + " };\n\n"
                + "    public float run(float in) {\n        for (Stage stage : stages) {\n"
                + "            in = stage.process(in);\n        }\n        return in;\n    }\n\n"
                + "    public String name() {\n        return " + name + ";\n    }\n}\n";
    }

    private static String delay(String packageName, String imports) {
        return "package " + packageName + ";\n\n" + imports + "\npublic class Delay implements Stage {\n"
                + "    private float last;\n\n"
                + "    public float process(float in) {\n        float out = last * Levels.UNITY;\n"
                + "        last = in;\n        return out;\n    }\n}\n";
    }
}
