package dev.wavecraft.maven.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WatchedPathsTest {

    private static final Path BASE = Path.of("/work/synth").toAbsolutePath();
    private static final Path SOURCES = BASE.resolve("src/main/java");
    private static final Path RESOURCES = BASE.resolve("src/main/resources");
    private static final Path POM = BASE.resolve("pom.xml");

    private final WatchedPaths paths = new WatchedPaths(WatchSettings.of(List.of(SOURCES), List.of(RESOURCES), POM));

    @ParameterizedTest
    @ValueSource(strings = {"target/Gen.java", "dsp/target/Gen.java", ".idea/misc.xml", "dsp/.Hidden.java",
            ".Gain.java.swp", "Gain.java.swp", "Gain.java.swo", "Gain.java~", "Gain.java___jb_tmp___",
            "Gain.java___jb_old___", "Gain.java___jb_bak___", "4913", "dsp/4913"})
    void ignoresBuildOutputHiddenAndEditorFiles(String relative) {
        assertThat(paths.isWatchedFile(SOURCES.resolve(relative))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Gain.java", "dsp/Filter.java", "dsp/targets/Target.java", "dsp/49130.txt"})
    void watchesOrdinaryFilesUnderARoot(String relative) {
        assertThat(paths.isWatchedFile(SOURCES.resolve(relative))).isTrue();
    }

    @Test
    void watchesOnlyThePomBesideTheRoots() {
        assertThat(paths.isWatchedFile(POM)).isTrue();
        assertThat(paths.isWatchedFile(BASE.resolve("README.md"))).isFalse();
        assertThat(paths.originOf(POM)).isEqualTo(WatchedPaths.Origin.POM);
        assertThat(paths.originOf(BASE.resolve("README.md"))).isNull();
    }

    @Test
    void judgesTargetAndHiddenSegmentsRelativeToTheRootOnly() {
        Path generated = Path.of("/home/.me/target/generated-sources").toAbsolutePath();
        WatchedPaths underTarget = new WatchedPaths(WatchSettings.of(List.of(generated), List.of(), POM));

        assertThat(underTarget.isWatchedFile(generated.resolve("Gen.java"))).isTrue();
        assertThat(underTarget.isWatchedDirectory(generated)).isTrue();
        assertThat(underTarget.isWatchedDirectory(generated.resolve("target"))).isFalse();
    }

    @Test
    void matchesIncludesAndExcludesAgainstThePathRelativeToItsRoot() {
        WatchedPaths filtered = new WatchedPaths(WatchSettings.of(List.of(SOURCES), List.of(RESOURCES), POM)
                .withIncludes(List.of("**/*.java", "ui/**")).withExcludes(List.of("generated/**")));

        assertThat(filtered.isWatchedFile(SOURCES.resolve("Top.java"))).as("**/ matches at the top too").isTrue();
        assertThat(filtered.isWatchedFile(SOURCES.resolve("dsp/Deep.java"))).isTrue();
        assertThat(filtered.isWatchedFile(SOURCES.resolve("dsp/notes.txt"))).isFalse();
        assertThat(filtered.isWatchedFile(RESOURCES.resolve("ui/index.html"))).isTrue();
        assertThat(filtered.isWatchedFile(SOURCES.resolve("generated/Gen.java"))).isFalse();
        assertThat(filtered.isWatchedFile(POM)).as("the POM always counts").isTrue();
    }

    @Test
    void aLeadingDoubleStarComposesWithTheUsersOwnGlobGroups() {
        WatchedPaths filtered = new WatchedPaths(WatchSettings.of(List.of(SOURCES), List.of(), POM)
                .withIncludes(List.of("**/*.{java,kt}")));

        assertThat(filtered.isWatchedFile(SOURCES.resolve("Top.kt"))).isTrue();
        assertThat(filtered.isWatchedFile(SOURCES.resolve("dsp/Deep.java"))).isTrue();
        assertThat(filtered.isWatchedFile(SOURCES.resolve("dsp/notes.txt"))).isFalse();
    }

    @Test
    void visitsTheDirectoriesWorthWatchingAndHandsOverOnlyWatchedFiles(@TempDir Path temp) throws Exception {
        Path base = temp.resolve("synth");
        Path sources = Files.createDirectories(base.resolve("src/main/java/dsp"));
        Path pom = Files.writeString(base.resolve("pom.xml"), "<project/>");
        Path gain = Files.writeString(sources.resolve("Gain.java"), "class Gain {}");
        Files.writeString(base.resolve("README.md"), "# notes");
        Files.createDirectories(base.resolve("target/classes"));
        Files.createDirectories(base.resolve("docs"));
        Files.createDirectories(base.resolve("src/main/java/.idea"));
        Files.createDirectories(base.resolve("src/main/java/target"));
        Path parent = Files.createDirectories(temp.resolve("parent"));
        Path parentPom = Files.writeString(parent.resolve("pom.xml"), "<project/>");
        Files.createDirectories(parent.resolve("notes"));
        WatchedPaths watched = new WatchedPaths(WatchSettings.of(List.of(base.resolve("src/main/java")), List.of(),
                List.of(pom, parentPom)));
        List<Path> dirs = new ArrayList<>();
        List<Path> files = new ArrayList<>();

        watched.recursiveVisitFiles(base, dirs::add, files::add);
        watched.recursiveVisitFiles(parent, dirs::add, files::add);

        assertThat(dirs).containsExactlyInAnyOrder(base, base.resolve("src"), base.resolve("src/main"),
                base.resolve("src/main/java"), sources, parent);
        assertThat(files).containsExactlyInAnyOrder(pom, gain, parentPom);
    }

    @Test
    void classifiesByTheDeepestRootContainingThePath() {
        Path ui = SOURCES.resolve("ui");
        WatchedPaths nested = new WatchedPaths(WatchSettings.of(List.of(SOURCES), List.of(ui), POM));

        assertThat(nested.originOf(SOURCES.resolve("Gain.java"))).isEqualTo(WatchedPaths.Origin.SOURCE);
        assertThat(nested.originOf(ui.resolve("index.html"))).isEqualTo(WatchedPaths.Origin.RESOURCE);
    }
}
