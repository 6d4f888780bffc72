package dev.wavecraft.maven.watch;

import static dev.wavecraft.maven.watch.TestProject.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWatcherTest {

    private static final Duration LONGEST_QUIET = Duration.ofMillis(600);

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
    void reportsAnEditedSourceOnceAsASourcesChange() throws Exception {
        Path gain = write(project.sources.resolve("com/example/Gain.java"), "class Gain {}");
        project.start();
        Instant before = Instant.now();

        write(gain, "class Gain { float gain; }");

        ChangeSet changes = listener.nextChange();
        assertThat(changes.kind()).isEqualTo(ChangeSet.Kind.SOURCES);
        assertThat(changes.sources()).containsExactly(gain);
        assertThat(changes.resources()).isEmpty();
        assertThat(changes.deleted()).isEmpty();
        assertThat(changes.pomChanged()).isFalse();
        assertThat(changes.firstEventAt()).isBetween(before, Instant.now());
        listener.assertNothingMoreWithin(LONGEST_QUIET);
    }

    @Test
    void reportsAtOnceWhatWasSavedWhileTheBuildBeforeItRan() throws Exception {
        Path settled = write(project.sources.resolve("com/example/Filter.java"), "class Filter {}");
        Files.setLastModifiedTime(settled, FileTime.from(Instant.now().minusSeconds(60)));
        Path marker = write(temp.resolve("build.started"), "");
        Path savedDuringBuild = write(project.sources.resolve("com/example/Gain.java"), "class Gain { float gain; }");
        Files.setLastModifiedTime(savedDuringBuild, Files.getLastModifiedTime(marker));

        project.startAfterBuild(Files.getLastModifiedTime(marker));

        ChangeSet changes = listener.nextChange();
        assertThat(changes.sources()).containsExactly(savedDuringBuild);
        listener.assertNothingMoreWithin(LONGEST_QUIET);

        write(settled, "class Filter { float q; }");
        assertThat(listener.nextChange().sources()).containsExactly(settled);
    }

    @Test
    void reportsAResourceEditAsAResourcesChange() throws Exception {
        Path ui = write(project.resources.resolve("ui/index.html"), "<p>old</p>");
        project.start();

        write(ui, "<p>new</p>");

        ChangeSet changes = listener.nextChange();
        assertThat(changes.kind()).isEqualTo(ChangeSet.Kind.RESOURCES);
        assertThat(changes.resources()).containsExactly(ui);
        assertThat(changes.sources()).isEmpty();
    }

    @Test
    void reportsADeletedSourceAsDeletedAndAsASourcesChange() throws Exception {
        Path gain = write(project.sources.resolve("Gain.java"), "class Gain {}");
        project.start();

        Files.delete(gain);

        ChangeSet changes = listener.nextChange();
        assertThat(changes.deleted()).containsExactly(gain);
        assertThat(changes.kind()).isEqualTo(ChangeSet.Kind.SOURCES);
        assertThat(changes.all()).containsExactly(gain);
    }

    @Test
    void detectsAFileWrittenIntoANewNestedDirectoryAtOnce() throws Exception {
        project.start();
        Path deep = project.sources.resolve("a/b/c/Deep.java");

        Files.createDirectories(deep.getParent());
        Files.writeString(deep, "class Deep {}"); // before the watcher can have registered a/b/c

        assertThat(listener.nextChange().sources()).containsExactly(deep);
        write(deep, "class Deep { int x; }"); // and a/b/c is watched from now on
        ChangeSet edit = listener.nextChange();
        assertThat(edit.sources()).containsExactly(deep);
    }

    @Test
    void reportsTheFilesOfADirectoryMovedIntoARootAndWatchesIt() throws Exception {
        Path outside = temp.resolve("elsewhere/filters");
        write(outside.resolve("Lowpass.java"), "class Lowpass {}");
        write(outside.resolve("Highpass.java"), "class Highpass {}");
        project.start();
        Path moved = project.sources.resolve("filters");

        Files.move(outside, moved, StandardCopyOption.ATOMIC_MOVE);

        assertThat(listener.nextChange().sources())
                .containsExactlyInAnyOrder(moved.resolve("Lowpass.java"), moved.resolve("Highpass.java"));
        write(moved.resolve("Lowpass.java"), "class Lowpass { float cutoff; }");
        assertThat(listener.nextChange().sources()).containsExactly(moved.resolve("Lowpass.java"));
    }

    @Test
    void reportsATouchAsSkipped() throws Exception {
        Path gain = write(project.sources.resolve("Gain.java"), "class Gain {}");
        project.start();

        Files.setLastModifiedTime(gain, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(listener.nextSkip()).containsExactly(gain);
    }

    @Test
    void reportsAnEditUndoneWithinTheQuietPeriodAsSkipped() throws Exception {
        Path gain = write(project.sources.resolve("Gain.java"), "class Gain {}");
        project.start(project.settings().withQuietPeriod(Duration.ofMillis(400)).withAdaptive(false));

        write(gain, "class Gain { oops }");
        write(gain, "class Gain {}");

        assertThat(listener.nextSkip()).containsExactly(gain);
    }

    @Test
    void ignoresTargetHiddenAndEditorFilesEverywhere() throws Exception {
        project.start();
        Path src = project.sources;
        for (String ignored : List.of("target/Generated.java", "com/target/Old.java", ".idea/workspace.xml",
                "com/.Hidden.java", "Gain.java.swp", "Gain.java.swo", "Gain.java~", "Gain.java___jb_tmp___",
                "Gain.java___jb_old___", "Gain.java___jb_bak___", "com/4913")) {
            write(src.resolve(ignored), "ignored");
        }
        write(project.resources.resolve(".DS_Store"), "ignored");
        Path real = write(src.resolve("com/Real.java"), "class Real {}");

        ChangeSet changes = listener.nextChange();
        assertThat(changes.all()).containsExactly(real);
    }

    @Test
    void countsOnlyIncludedAndNotExcludedFilesMatchedRelativeToTheirRoot() throws Exception {
        project.start(project.settings().withIncludes(List.of("**/*.java")).withExcludes(List.of("generated/**")));

        Path top = write(project.sources.resolve("Top.java"), "class Top {}");
        Path deep = write(project.sources.resolve("dsp/Deep.java"), "class Deep {}");
        write(project.sources.resolve("dsp/notes.txt"), "not included");
        write(project.sources.resolve("generated/Gen.java"), "excluded");

        assertThat(listener.nextChange().all()).containsExactlyInAnyOrder(top, deep);
    }

    @Test
    void keepsWatchingAfterTheListenerThrows() throws Exception {
        Path gain = write(project.sources.resolve("Gain.java"), "class Gain {}");
        project.start(new SourceWatcher(project.settings(), recordingAfterFirstChange(() -> {
            throw new IllegalStateException("listener bug");
        }), listener::warn));

        write(gain, "class Gain { int a; }");
        assertThat(listener.warnings.poll(RecordingListener.WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .contains("listener failed").contains("listener bug");
        write(gain, "class Gain { int b; }");

        assertThat(listener.nextChange().sources()).containsExactly(gain);
    }

    @Test
    void keepsWatchingAfterTheListenerLeavesItsThreadInterrupted() throws Exception {
        Path gain = write(project.sources.resolve("Gain.java"), "class Gain {}");
        CountDownLatch firstChange = new CountDownLatch(1);
        project.start(new SourceWatcher(project.settings(), recordingAfterFirstChange(() -> {
            Thread.currentThread().interrupt(); // as code does that caught an InterruptedException and restored it
            firstChange.countDown();
        }), listener::warn));

        write(gain, "class Gain { int a; }");
        assertThat(firstChange.await(RecordingListener.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        write(gain, "class Gain { int b; }");

        assertThat(listener.nextChange().sources()).containsExactly(gain);
        assertThat(listener.warnings).isEmpty();
    }

    @Test
    void callsTheListenerOnOneThreadNamedWavecraftWatcherThatCloseStops() throws Exception {
        Path gain = write(project.sources.resolve("Gain.java"), "class Gain {}");
        SourceWatcher watcher = project.start();

        write(gain, "class Gain { int a; }");
        RecordingListener.Report first = listener.next();
        write(gain, "class Gain { int b; }");
        RecordingListener.Report second = listener.next();
        watcher.close();

        assertThat(first.thread().getName()).isEqualTo("wavecraft-watcher");
        assertThat(second.thread()).isSameAs(first.thread());
        assertThat(first.thread().isAlive()).isFalse();
    }

    /** Runs {@code firstTime} instead of recording the first change set; records everything after it. */
    private ChangeListener recordingAfterFirstChange(Runnable firstTime) {
        AtomicBoolean first = new AtomicBoolean(true);
        return new ChangeListener() {
            @Override
            public void changed(ChangeSet changes) {
                if (first.getAndSet(false)) {
                    firstTime.run();
                } else {
                    listener.changed(changes);
                }
            }

            @Override
            public void skipped(Set<Path> touched) {
                listener.skipped(touched);
            }
        };
    }
}
