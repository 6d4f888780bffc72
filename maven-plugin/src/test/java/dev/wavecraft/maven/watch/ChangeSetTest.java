package dev.wavecraft.maven.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeSetTest {

    private static final Path GAIN = Path.of("/p/src/main/java/Gain.java");
    private static final Path OLD = Path.of("/p/src/main/java/Old.java");
    private static final Path PAGE = Path.of("/p/src/main/resources/index.html");
    private static final Path POM = Path.of("/p/pom.xml");
    private static final Instant NOW = Instant.now();

    @Test
    void thePomOutranksSourcesWhichOutrankResources() {
        assertThat(new ChangeSet(Set.of(GAIN), Set.of(PAGE), Set.of(POM), Set.of(), NOW).kind()).isEqualTo(ChangeSet.Kind.POM);
        assertThat(new ChangeSet(Set.of(GAIN), Set.of(PAGE), Set.of(), Set.of(), NOW).kind()).isEqualTo(ChangeSet.Kind.SOURCES);
        assertThat(new ChangeSet(Set.of(), Set.of(PAGE), Set.of(), Set.of(), NOW).kind()).isEqualTo(ChangeSet.Kind.RESOURCES);
    }

    @Test
    void onlyUiFilesNeedNoBuildAndAreLeftOutOfTheBuild() {
        Path style = Path.of("/p/src/main/ui/style.css");
        Path gone = Path.of("/p/src/main/ui/old.js");
        ChangeSet uiOnly = new ChangeSet(Set.of(), Set.of(), Set.of(style, gone), Set.of(), Set.of(gone), NOW);
        ChangeSet mixed = new ChangeSet(Set.of(GAIN), Set.of(), Set.of(style, gone), Set.of(), Set.of(gone), NOW);

        assertThat(uiOnly.kind()).isEqualTo(ChangeSet.Kind.UI);
        assertThat(uiOnly.needsBuild()).isFalse();
        assertThat(mixed.needsBuild()).isTrue();
        assertThat(mixed.withoutUi().all()).containsExactly(GAIN);
        assertThat(mixed.withoutUi().kind()).isEqualTo(ChangeSet.Kind.SOURCES);
    }

    @Test
    void aDeletedSourceMakesASourcesChange() {
        assertThat(new ChangeSet(Set.of(OLD), Set.of(), Set.of(), Set.of(OLD), NOW).kind()).isEqualTo(ChangeSet.Kind.SOURCES);
    }

    @Test
    void allIsEveryChangedOrDeletedPathSorted() {
        ChangeSet changes = new ChangeSet(Set.of(GAIN, OLD), Set.of(PAGE), Set.of(), Set.of(OLD), NOW);

        assertThat(changes.all()).containsExactly(GAIN, OLD, PAGE);
    }

    @Test
    void keepsItsOwnUnmodifiableCopies() {
        Set<Path> sources = new HashSet<>(Set.of(GAIN));
        ChangeSet changes = new ChangeSet(sources, Set.of(), Set.of(), Set.of(), NOW);
        sources.add(OLD);

        assertThat(changes.sources()).containsExactly(GAIN);
        assertThatThrownBy(() -> changes.sources().add(OLD)).isInstanceOf(UnsupportedOperationException.class);
    }
}
