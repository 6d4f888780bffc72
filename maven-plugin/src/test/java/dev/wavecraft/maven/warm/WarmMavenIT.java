package dev.wavecraft.maven.warm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.maven.rebuild.BuildResult;
import dev.wavecraft.maven.rebuild.ForkedMaven;
import dev.wavecraft.maven.rebuild.Rebuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real builds of a small project in a real warm Maven JVM, started from the Maven running this build. */
class WarmMavenIT {

    private static final Path MAVEN_HOME = Path.of(System.getProperty("maven.home"));
    private static final String SOURCE = "src/main/java/demo/Hello.java";

    @TempDir
    Path project;

    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final List<String> containerNotes = new CopyOnWriteArrayList<>();
    private final List<Rebuilder> rebuilders = new ArrayList<>();

    @BeforeEach
    void writeProject() throws IOException {
        writePom("hello", "");
        writeSource("public String greeting() { return \"hello\"; }");
    }

    @AfterEach
    void stopWorkers() {
        rebuilders.forEach(Rebuilder::close);
    }

    @Test
    void buildsInOneLongLivedJvmAndReportsCompileErrorsLikeAFreshMaven() throws Exception {
        Rebuilder rebuilder = rebuilder(MAVEN_HOME);

        assertThat(build(rebuilder).succeeded()).isTrue();
        long worker = workerPid();
        writeSource("public String greeting() { return missing(); }");
        BuildResult broken = build(rebuilder);
        writeSource("public String greeting() { return \"fixed\"; }");
        BuildResult fixed = build(rebuilder);

        assertThat(broken.succeeded()).isFalse();
        assertThat(broken.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.file()).isEqualTo(SOURCE);
            assertThat(diagnostic.line()).isEqualTo(4);
            assertThat(diagnostic.message()).contains("cannot find symbol");
        });
        assertThat(fixed.succeeded()).isTrue();
        assertThat(project.resolve("target/classes/demo/Hello.class")).isRegularFile();
        assertThat(workerPid()).isEqualTo(worker);
        assertThat(notices).isEmpty();
    }

    @Test
    void aBuildWhoseWorkerDiedRunsInAFreshMavenAndTheNextOneStartsANewWorker() throws Exception {
        Rebuilder rebuilder = rebuilder(MAVEN_HOME);
        assertThat(build(rebuilder).succeeded()).isTrue();
        long first = workerPid();
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        ProcessHandle.of(first).orElseThrow().onExit().get();

        writeSource("public String greeting() { return \"after the crash\"; }");
        BuildResult afterCrash = build(rebuilder);
        BuildResult next = build(rebuilder);

        assertThat(afterCrash.succeeded()).isTrue();
        assertThat(notices).singleElement().asString().contains("warm build JVM failed", "fresh Maven");
        assertThat(next.succeeded()).isTrue();
        assertThat(workerPid()).isNotEqualTo(first);
    }

    @Test
    void aMavenThatCannotBeKeptWarmBuildsFreshEachTimeAndSaysSo() throws Exception {
        Path unusualHome = Files.createDirectories(project.resolve("unusual-maven/bin"));
        Files.writeString(unusualHome.resolve("m2.conf"), "main is org.apache.maven.cling.MavenCling from plexus.core\n");
        Rebuilder rebuilder = rebuilder(unusualHome.getParent());

        BuildResult result = build(rebuilder);

        assertThat(result.succeeded()).isTrue();
        assertThat(notices).singleElement().asString().contains("fresh Maven each time", "Maven 4");
        assertThat(workers()).isEmpty();
    }

    @Test
    void repeatedBuildsRunInTheContainerTheFirstBuildMadeThroughACompileError() throws Exception {
        Rebuilder rebuilder = rebuilder(MAVEN_HOME);

        build(rebuilder);
        writeSource("public String greeting() { return missing(); }");
        BuildResult broken = build(rebuilder);
        writeSource("public String greeting() { return \"fixed\"; }");
        BuildResult fixed = build(rebuilder);

        assertThat(broken.diagnostics()).singleElement().satisfies(diagnostic ->
                assertThat(diagnostic.message()).contains("cannot find symbol"));
        assertThat(fixed.succeeded()).isTrue();
        assertThat(containerNotes).hasSize(3);
        assertThat(containerNotes.get(0)).isEqualTo("Warm build: a new Maven container: the first build");
        assertThat(containerNotes.get(1)).startsWith("Warm build: build 2 in the kept Maven container");
        assertThat(containerNotes.get(2)).startsWith("Warm build: build 3 in the kept Maven container");
    }

    @Test
    void releasedPomModelsAndTheSettingsOutliveABuild() throws Exception {
        Rebuilder rebuilder = rebuilder(MAVEN_HOME);

        build(rebuilder);
        build(rebuilder);

        // The plugins' own POMs have released parents (maven-plugins, maven-parent, apache).
        assertThat(containerNotes.get(1)).matches("Warm build: build 2 in the kept Maven container, [1-9]\\d* released"
                + " POM models kept, settings read in 1 of 2 builds");
    }

    @Test
    void aSettingsChangeGetsANewContainer() throws Exception {
        Path settings = Files.writeString(project.resolve("settings.xml"), "<settings/>\n");
        Rebuilder rebuilder = rebuilder(MAVEN_HOME, Map.of(), Optional.of(settings));
        build(rebuilder);
        build(rebuilder);

        Files.writeString(settings, "<settings><interactiveMode>false</interactiveMode></settings>\n");
        BuildResult afterChange = build(rebuilder);

        assertThat(afterChange.succeeded()).isTrue();
        assertThat(containerNotes.get(1)).startsWith("Warm build: build 2 in the kept Maven container");
        assertThat(containerNotes.get(2)).isEqualTo("Warm build: a new Maven container: " + settings + " changed");
    }

    @Test
    void aBuildAfterAPomChangeSeesTheChangeInANewContainer() throws Exception {
        Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(project.resolve("src/main/resources/greeting.txt"), "${greeting}");
        Rebuilder rebuilder = rebuilder(MAVEN_HOME);
        build(rebuilder);
        build(rebuilder);

        writePom("bonjour", "");
        BuildResult afterChange = build(rebuilder);
        BuildResult next = build(rebuilder);

        assertThat(afterChange.succeeded()).isTrue();
        assertThat(project.resolve("target/classes/greeting.txt")).hasContent("bonjour");
        assertThat(containerNotes).hasSize(4);
        assertThat(containerNotes.get(2)).isEqualTo("Warm build: a new Maven container: " + project.resolve("pom.xml")
                + " changed");
        assertThat(containerNotes.get(3)).startsWith("Warm build: build 2 in the kept Maven container");
        assertThat(next.succeeded()).isTrue();
    }

    @Test
    void aChangedExtensionListGetsANewContainerWithTheExtensionsLoaded() throws Exception {
        Path extensions = project.resolve(".mvn/extensions.xml");
        Rebuilder rebuilder = rebuilder(MAVEN_HOME);
        build(rebuilder);

        Files.createDirectories(extensions.getParent());
        Files.writeString(extensions, extensions(System.getProperty("wavecraft.it.extension")));
        BuildResult withExtension = build(rebuilder);
        BuildResult kept = build(rebuilder);
        // The same extension again, in a new container: its realms must have gone with the old one.
        Files.writeString(extensions, "<!-- rewritten -->\n" + extensions(System.getProperty("wavecraft.it.extension")));
        BuildResult rewritten = build(rebuilder);

        assertThat(List.of(withExtension, kept, rewritten)).allSatisfy(result ->
                assertThat(result.succeeded()).as(result.output()).isTrue());
        String changed = "Warm build: a new Maven container: " + extensions + " changed";
        assertThat(containerNotes).hasSize(4);
        assertThat(containerNotes.get(1)).isEqualTo(changed);
        assertThat(containerNotes.get(2)).startsWith("Warm build: build 2 in the kept Maven container");
        assertThat(containerNotes.get(3)).isEqualTo(changed);
    }

    @Test
    void aBuildThatFailedOutsideItsMojosLeavesTheNextOneANewContainer() throws Exception {
        writePom("hello", "<dependency><groupId>demo</groupId><artifactId>absent</artifactId><version>1</version>"
                + "</dependency>");
        Rebuilder rebuilder = rebuilder(MAVEN_HOME);

        BuildResult first = build(rebuilder);
        build(rebuilder);

        assertThat(first.succeeded()).isFalse();
        assertThat(containerNotes).last().asString().isEqualTo("Warm build: a new Maven container: the last build"
                + " failed outside its plugins' own work (LifecycleExecutionException)");
    }

    @Test
    void aPluginListedAsUncachedGetsANewContainerForEveryBuild() throws Exception {
        String compiler = "org.apache.maven.plugins:maven-compiler-plugin";
        Rebuilder rebuilder = rebuilder(MAVEN_HOME, Map.of(ContainerReuse.UNCACHED_PLUGINS, compiler), Optional.empty());

        build(rebuilder);
        BuildResult second = build(rebuilder);

        assertThat(second.succeeded()).isTrue();
        assertThat(containerNotes).last().asString().isEqualTo("Warm build: a new Maven container: the last build used "
                + compiler + ", listed in -D" + ContainerReuse.UNCACHED_PLUGINS);
    }

    @Test
    void aFreshMavenStoppedAtTheTimeLimitIsReportedAsTooSlowNotAsUnstartable() throws Exception {
        for (int i = 0; i < 300; i++) {
            Path source = project.resolve("src/main/java/demo/Many" + i + ".java");
            Files.writeString(source, "package demo;\n\npublic class Many" + i + " { int value = " + i + "; }\n");
        }
        Rebuilder fresh = new Rebuilder(environment(Duration.ofSeconds(1), Map.of(), Optional.empty()), new ForkedMaven(MAVEN_HOME));
        rebuilders.add(fresh);

        BuildResult result = build(fresh);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.problem()).startsWith("The build took longer than 1 s and was stopped")
                .contains("-Dwavecraft.buildTimeout");
    }

    private Rebuilder rebuilder(Path warmMavenHome) {
        return rebuilder(warmMavenHome, Map.of(), Optional.empty());
    }

    private Rebuilder rebuilder(Path warmMavenHome, Map<String, String> properties, Optional<Path> userSettings) {
        Rebuilder rebuilder = new Rebuilder(environment(Duration.ofSeconds(120), properties, userSettings),
                new WarmMaven(new WorkerSpec(Path.of(System.getProperty("java.home"), "bin", "java"),
                        List.of("-XX:TieredStopAtLevel=1"), warmMavenHome, project,
                        project.resolve("target/wavecraft/warm-maven.conf"),
                        project), new ForkedMaven(MAVEN_HOME), notices::add, containerNotes::add));
        rebuilders.add(rebuilder);
        return rebuilder;
    }

    private Rebuilder.BuildEnvironment environment(Duration timeout, Map<String, String> properties,
            Optional<Path> userSettings) {
        Path repository = Path.of(System.getProperty("wavecraft.it.mainRepo"));
        return new Rebuilder.BuildEnvironment(MAVEN_HOME, project, project.resolve("pom.xml"), Optional.empty(),
                repository, userSettings, Optional.empty(), properties, List.of(), "", true, timeout);
    }

    private static BuildResult build(Rebuilder rebuilder) {
        return rebuilder.build(List.of("process-classes"), false);
    }

    /** The project's POM: {@code greeting} is filtered into the resources, {@code dependencies} as given. */
    private void writePom(String greeting, String dependencies) throws IOException {
        Files.writeString(project.resolve("pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n"
                + "  <groupId>demo</groupId><artifactId>hello</artifactId><version>1</version>\n"
                + "  <properties>\n"
                + "    <maven.compiler.release>17</maven.compiler.release>\n"
                + "    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>\n"
                + "    <greeting>" + greeting + "</greeting>\n"
                + "  </properties>\n"
                + "  <dependencies>" + dependencies + "</dependencies>\n"
                + "  <build>\n"
                + "    <resources><resource><directory>src/main/resources</directory><filtering>true</filtering>"
                + "</resource></resources>\n"
                + "    <plugins>\n"
                + plugin("maven-resources-plugin", System.getProperty("wavecraft.it.resourcesPlugin"))
                + plugin("maven-compiler-plugin", System.getProperty("wavecraft.it.compilerPlugin"))
                + "    </plugins>\n"
                + "  </build>\n"
                + "</project>\n");
    }

    private void writeSource(String method) throws IOException {
        Path source = project.resolve(SOURCE);
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package demo;\n\npublic class Hello {\n    " + method + "\n}\n");
    }

    private long workerPid() {
        List<ProcessHandle> workers = workers();
        assertThat(workers).hasSize(1);
        return workers.get(0).pid();
    }

    private List<ProcessHandle> workers() {
        return ProcessHandle.current().children()
                .filter(process -> process.info().arguments()
                        .map(arguments -> Arrays.stream(arguments).anyMatch(argument -> argument.endsWith("warm-maven.conf")))
                        .orElse(false))
                .toList();
    }

    private static String extensions(String coordinates) {
        String[] parts = coordinates.split(":");
        return "<extensions><extension><groupId>" + parts[0] + "</groupId><artifactId>" + parts[1]
                + "</artifactId><version>" + parts[2] + "</version></extension></extensions>\n";
    }

    private static String plugin(String artifactId, String version) {
        return "    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>" + artifactId
                + "</artifactId><version>" + version + "</version></plugin>\n";
    }
}
