package dev.wavecraft.maven.watch;

import static dev.wavecraft.maven.watch.TestProject.deleteTree;
import static dev.wavecraft.maven.watch.TestProject.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Roots that come and go, the POM beside other files, and losing events altogether. */
class WatchRootsTest {

    @TempDir
    Path temp;

    private TestProject project;
    private RecordingListener listener;

    @BeforeEach
    void createProject() throws Exception {
        project = new TestProject(temp);
        listener = project.listener;
    }

    @AfterEach
    void closeWatchers() {
        project.close();
    }

    @Test
    void startsWatchingASourceRootThatAppearsAfterStart() throws Exception {
        Path generated = project.base.resolve("src/main/dsp");
        project.start(WatchSettings.of(List.of(project.sources, generated), List.of(project.resources), project.pom));

        Path filter = write(generated.resolve("Filter.java"), "class Filter {}");
        assertThat(listener.nextChange().sources()).containsExactly(filter);

        write(filter, "class Filter { float q; }");
        assertThat(listener.nextChange().sources()).containsExactly(filter);
    }

    @Test
    void reArmsARootThatIsDeletedAndRestored() throws Exception {
        Path page = write(project.resources.resolve("ui/index.html"), "<p>one</p>");
        project.start();

        deleteTree(project.resources);
        ChangeSet deletion = listener.nextChange();
        assertThat(deletion.deleted()).containsExactly(page);
        assertThat(deletion.kind()).isEqualTo(ChangeSet.Kind.RESOURCES);

        write(page, "<p>two</p>");
        assertThat(listener.nextChange().resources()).containsExactly(page);
        write(page, "<p>three</p>");
        ChangeSet edit = listener.nextChange();
        assertThat(edit.resources()).containsExactly(page);
        assertThat(edit.deleted()).isEmpty();
    }

    @Test
    void forgetsARootMovedAwayAndWatchesTheOneMadeInItsPlace() throws Exception {
        Path oldGain = write(project.sources.resolve("OldGain.java"), "class OldGain {}");
        project.start();
        Path movedAway = temp.resolve("moved-away");

        Files.move(project.sources, movedAway, StandardCopyOption.ATOMIC_MOVE);
        Path newGain = write(project.sources.resolve("NewGain.java"), "class NewGain {}");
        Set<Path> deleted = new HashSet<>();
        Set<Path> changed = new HashSet<>();
        while (!changed.contains(newGain) || !deleted.contains(oldGain)) { // one change set or two, by timing
            ChangeSet changes = listener.nextChange();
            deleted.addAll(changes.deleted());
            changed.addAll(changes.sources());
        }

        write(movedAway.resolve("OldGain.java"), "class OldGain { edited where it no longer counts }");
        Path sentinel = write(project.sources.resolve("Sentinel.java"), "class Sentinel {}");
        assertThat(listener.nextChange().all()).containsExactly(sentinel);
    }

    @Test
    void watchesTheSourcesAndPomOfALocalModuleBesideTheProjectsOwn() throws Exception {
        Path module = temp.resolve("dsp");
        Path moduleSources = module.resolve("src/main/java");
        Path modulePom = write(module.resolve("pom.xml"), "<project/>");
        project.start(WatchSettings.of(List.of(project.sources, moduleSources), List.of(project.resources),
                List.of(project.pom, modulePom)));

        Path shared = write(moduleSources.resolve("Shared.java"), "class Shared {}");
        assertThat(listener.nextChange().sources()).containsExactly(shared);

        write(modulePom, "<project><version>2</version></project>");
        ChangeSet changes = listener.nextChange();
        assertThat(changes.kind()).isEqualTo(ChangeSet.Kind.POM);
        assertThat(changes.poms()).containsExactly(modulePom);
    }

    @Test
    void reactsToThePomButNotToOtherFilesInItsDirectory() throws Exception {
        project.start();

        write(project.base.resolve("README.md"), "# notes");
        write(project.pom, "<project><version>2</version></project>");

        ChangeSet changes = listener.nextChange();
        assertThat(changes.kind()).isEqualTo(ChangeSet.Kind.POM);
        assertThat(changes.poms()).containsExactly(project.pom);
        assertThat(changes.all()).containsExactly(project.pom);

        write(project.base.resolve("README.md"), "# more notes");
        listener.assertNothingMoreWithin(Duration.ofMillis(300)); // no window of its own for the README
        Path sentinel = write(project.sources.resolve("Sentinel.java"), "class Sentinel {}");
        RecordingListener.Report next = listener.next();
        assertThat(next.changes()).as("no skip for the README").isNotNull();
        assertThat(next.changes().all()).containsExactly(sentinel);
    }

    @Test
    void rescansAllRootsAfterAnOverflowOfTwoThousandFilesAndStillSeesTheNextEdit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SourceWatcher watcher = project.start(new SourceWatcher(project.settings(), new ChangeListener() {
            @Override
            public void changed(ChangeSet changes) {
                listener.changed(changes);
                try {
                    release.await(10, TimeUnit.SECONDS); // hold the watcher thread while events pile up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void skipped(Set<Path> touched) {
                listener.skipped(touched);
            }
        }, listener::warn));
        write(project.sources.resolve("First.java"), "class First {}");
        listener.nextChange();

        // The watcher keeps at most 1,024 unread events (EventInbox) and rescans past that; 2,000 files are far past it.
        Set<Path> many = new HashSet<>();
        for (int i : IntStream.range(0, 2_000).toArray()) {
            many.add(write(project.sources.resolve("Voice" + i + ".java"), "class Voice" + i + " {}"));
        }
        release.countDown();

        ChangeSet changes = listener.nextChange();
        assertThat(watcher.rescans()).isEqualTo(1);
        assertThat(changes.sources()).containsExactlyInAnyOrderElementsOf(many);

        Path edited = write(project.sources.resolve("Voice1234.java"), "class Voice1234 { int level; }");
        assertThat(listener.nextChange().sources()).containsExactly(edited);
        assertThat(watcher.rescans()).isEqualTo(1);
    }

    @Test
    @EnabledOnOs(OS.LINUX) // inotify tells of a write only through the directory of the name it was written by
    void rescansEverythingOnceWhenTheFileEventsReportAnOverflow() throws Exception {
        Path gain = write(project.sources.resolve("Gain.java"), "class Gain {}");
        Path otherName = Files.createLink(temp.resolve("Gain-elsewhere.java"), gain);
        AtomicReference<DirectoryChangeListener> library = new AtomicReference<>();
        SourceWatcher watcher = project.startKeepingLibraryListener(library);

        write(otherName, "class Gain { float gain; }"); // the same file, changed where no event tells of it
        listener.assertNothingMoreWithin(Duration.ofMillis(300));
        library.get().onEvent(new DirectoryChangeEvent(DirectoryChangeEvent.EventType.OVERFLOW, false, null, null, 1,
                project.sources));

        assertThat(listener.nextChange().sources()).containsExactly(gain);
        assertThat(watcher.rescans()).isEqualTo(1);
    }
}
