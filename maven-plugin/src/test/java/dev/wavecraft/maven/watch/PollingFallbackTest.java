package dev.wavecraft.maven.watch;

import static dev.wavecraft.maven.watch.TestProject.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.methvin.watcher.DirectoryChangeListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When Linux will not give us file events, the watcher polls the snapshot and still sees edits. */
class PollingFallbackTest {

    /** What the fallback promises: a 500 ms round and the quiet period, well inside 2 s. */
    private static final Duration DETECTED_WITHIN = Duration.ofSeconds(2);

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
    void pollsWithOneWarningNamingMaxUserInstancesWhenInotifyInstancesRunOut() throws Exception {
        Path gain = write(project.sources.resolve("Gain.java"), "class Gain {}");
        startWith(new IOException("User limit of inotify instances reached or too many open files"));

        assertThat(listener.warnings).singleElement().asString()
                .contains("sysctl fs.inotify.max_user_instances").contains("500 ms");

        write(gain, "class Gain { float gain; }");
        assertThat(listener.nextChange(DETECTED_WITHIN).sources()).containsExactly(gain);

        Path deep = write(project.sources.resolve("a/b/c/Deep.java"), "class Deep {}");
        assertThat(listener.nextChange(DETECTED_WITHIN).sources()).containsExactly(deep);

        Files.delete(gain);
        assertThat(listener.nextChange(DETECTED_WITHIN).deleted()).containsExactly(gain);
        assertThat(listener.warnings).hasSize(1);
    }

    @Test
    void pollsWithAWarningNamingMaxUserWatchesWhenInotifyWatchesRunOut() throws Exception {
        Path page = write(project.resources.resolve("index.html"), "<p>one</p>");
        startWith(new IOException("User limit of inotify watches reached"));

        assertThat(listener.warnings).singleElement().asString().contains("sysctl fs.inotify.max_user_watches");
        write(page, "<p>two</p>");
        assertThat(listener.nextChange(DETECTED_WITHIN).resources()).containsExactly(page);
    }

    @Test
    void pollsWithAWarningWhenADirectoryCreatedLaterRunsIntoTheInotifyWatchLimit() throws Exception {
        AtomicReference<DirectoryChangeListener> library = new AtomicReference<>();
        project.startKeepingLibraryListener(library);

        // What the library passes on when the JDK refuses to register a new directory at the limit.
        library.get().onException(new IOException("User limit of inotify watches reached"));

        assertThat(listener.warnings.poll(RecordingListener.WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .contains("sysctl fs.inotify.max_user_watches").contains("500 ms");
        Path deep = write(project.sources.resolve("a/b/Deep.java"), "class Deep {}");
        assertThat(listener.nextChange(DETECTED_WITHIN).sources()).containsExactly(deep);
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive).extracting(Thread::getName)
                .as("the file events are closed").doesNotContain(FileEvents.THREAD_NAME);
    }

    @Test
    void startFailsOnAFileEventsFailureThatIsNoInotifyLimit() {
        SourceWatcher watcher = new SourceWatcher(project.settings(), listener, listener::warn,
                (dirs, visitor, events) -> {
                    throw new IOException("no watching here");
                });

        assertThatThrownBy(() -> project.start(watcher)).isInstanceOf(IOException.class).hasMessage("no watching here");
        assertThat(listener.warnings).isEmpty();
    }

    /** The library fails as it does when the JDK's WatchService cannot be made or a directory cannot be registered. */
    private void startWith(IOException failure) throws IOException {
        project.start(new SourceWatcher(project.settings(), listener, listener::warn, (dirs, visitor, events) -> {
            throw failure;
        }));
    }
}
