package dev.wavecraft.maven.watch;

import static dev.wavecraft.maven.watch.TestProject.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editors that save through temp files and renames; each save must come out as one plain change. */
class EditorSaveTest {

    private static final Duration LONGEST_QUIET = Duration.ofMillis(600);

    @TempDir
    Path temp;

    private TestProject project;
    private Path foo;

    @BeforeEach
    void createProject() throws Exception {
        project = new TestProject(temp);
        foo = write(project.sources.resolve("com/example/Foo.java"), "class Foo {}");
        project.start();
    }

    @AfterEach
    void closeWatchers() {
        project.close();
    }

    @Test
    void jetBrainsSafeWriteGivesOneChangeSetWithTheFileChangedNotDeleted() throws Exception {
        Path tmp = foo.resolveSibling("Foo.java___jb_tmp___");
        Path old = foo.resolveSibling("Foo.java___jb_old___");

        Files.writeString(tmp, "class Foo { int saved; }");
        Files.move(foo, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, foo, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(old);

        assertSavedOnce("class Foo { int saved; }");
    }

    @Test
    void vimBackupRenameGivesOneChangeSetWithTheFileChangedNotDeleted() throws Exception {
        Path probe = foo.resolveSibling("4913");
        Path backup = foo.resolveSibling("Foo.java~");

        Files.writeString(probe, ""); // vim checks that it may create files here
        Files.delete(probe);
        Files.move(foo, backup, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(foo, "class Foo { int saved; }");
        Files.delete(backup);

        assertSavedOnce("class Foo { int saved; }");
    }

    @Test
    void writingOnlyAVimSwapFileReportsNothing() throws Exception {
        Path swap = foo.resolveSibling(".Foo.java.swp");
        for (int i = 0; i < 5; i++) {
            Files.writeString(swap, "swap " + i); // vim rewrites its swap file as the user types
        }
        project.listener.assertNothingMoreWithin(Duration.ofMillis(300)); // no window for the swap file
        Path bar = write(foo.resolveSibling("Bar.java"), "class Bar {}");

        RecordingListener.Report first = project.listener.next();
        assertThat(first.changes()).as("the first report, and no skip before it").isNotNull();
        assertThat(first.changes().all()).containsExactly(bar);
    }

    private void assertSavedOnce(String content) throws InterruptedException {
        RecordingListener.Report report = project.listener.next();
        assertThat(report.changes()).as("a change set, not a skip").isNotNull();
        assertThat(report.changes().sources()).containsExactly(foo);
        assertThat(report.changes().deleted()).isEmpty();
        assertThat(report.contents()).containsEntry(foo, content);
        project.listener.assertNothingMoreWithin(LONGEST_QUIET);
    }
}
