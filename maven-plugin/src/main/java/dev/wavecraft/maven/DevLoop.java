package dev.wavecraft.maven;

import dev.wavecraft.maven.rebuild.BuildGoals;
import dev.wavecraft.maven.rebuild.BuildResult;
import dev.wavecraft.maven.rebuild.ProjectLayout;
import dev.wavecraft.maven.rebuild.Rebuilder;
import dev.wavecraft.maven.rebuild.ReloadLoop;
import dev.wavecraft.maven.rebuild.TerminalReport;
import dev.wavecraft.maven.supervise.ServerLink;
import dev.wavecraft.maven.watch.ChangeSet;
import dev.wavecraft.maven.watch.HeldChanges;
import dev.wavecraft.maven.watch.SourceWatcher;
import dev.wavecraft.maven.watch.WatchSettings;
import dev.wavecraft.maven.workspace.LocalModules;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The watch, build and reload side of {@code run} and {@code start}: the first build, the watcher
 * (armed before the server is announced, its reports held until the reload loop can act on them),
 * and the reload loop over the server's control channel.
 */
final class DevLoop implements AutoCloseable {

    private final Rebuilder rebuilder;
    private final BuildGoals goals;
    private final Function<LocalModules, WatchSettings> watchSettings;
    private final Consumer<String> warnings;
    private final HeldChanges held = new HeldChanges();
    private volatile SourceWatcher watcher;
    private volatile boolean closed;
    private ReloadLoop loop;

    /** @param watchSettings what to watch for the modules of the dev loop */
    DevLoop(Rebuilder rebuilder, BuildGoals goals, Function<LocalModules, WatchSettings> watchSettings,
            Consumer<String> warnings) {
        this.rebuilder = rebuilder;
        this.goals = goals;
        this.watchSettings = watchSettings;
        this.warnings = warnings;
    }

    /**
     * Compiles the processor's module and the local modules it depends on and writes the classpath
     * and the modules of the dev loop, as a rebuild after a POM change does.
     *
     * @param marker a file touched first, whose time says when the build began on the file system's clock
     * @return the result, and when the build began
     */
    FirstBuild firstBuild(Path marker, boolean online) throws IOException {
        Files.createDirectories(marker.getParent());
        Files.deleteIfExists(marker); // a new file has the time of now on every file system
        Files.createFile(marker);
        FileTime startedAt = Files.getLastModifiedTime(marker);
        return new FirstBuild(rebuilder.build(goals.forKind(ChangeSet.Kind.POM), online), startedAt);
    }

    /** The first build's outcome, and its start on the file system's clock. */
    record FirstBuild(BuildResult result, FileTime startedAt) {
    }

    /**
     * Arms the watcher now. Files modified since {@code buildStartedAt} count as saved after the
     * first build read them and are built again at once; everything the watcher reports is held
     * until {@link #connect}.
     */
    void watch(LocalModules modules, Optional<FileTime> buildStartedAt) throws IOException {
        SourceWatcher armed = new SourceWatcher(watchSettings.apply(modules), held, warnings);
        armed.start(buildStartedAt);
        watcher = armed;
        if (buildStartedAt.isEmpty()) {
            rebuilder.prepare(goals.sources()); // no first build warmed the build JVM up
        }
    }

    /** Starts reloading through {@code link}: first what was saved so far, then every save. */
    void connect(ServerLink link, ProjectLayout layout, ProjectClasspath classpath, TerminalReport terminal,
            Duration reloadTimeout) {
        loop = new ReloadLoop(rebuilder, link, terminal, layout, classpath, goals, reloadTimeout, this::rewatch);
        link.listen(loop::onServerMessage);
        held.release(loop);
    }

    /**
     * A POM change changed the modules or their roots: a new watcher takes over, reporting what
     * changed since this moment, before the old one stops.
     */
    private synchronized void rewatch(LocalModules modules) {
        if (closed) {
            return;
        }
        SourceWatcher old = watcher;
        try {
            SourceWatcher fresh = new SourceWatcher(watchSettings.apply(modules), held, warnings);
            fresh.start(Optional.of(FileTime.from(Instant.now())));
            watcher = fresh;
            if (old != null) {
                old.close();
            }
        } catch (IOException | RuntimeException e) {
            warnings.accept("Could not watch the changed modules (" + e.getMessage() + "); the earlier roots are"
                    + " still watched. Restart wavecraft:run to watch the new ones.");
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        SourceWatcher current = watcher;
        if (current != null) {
            current.close();
        }
        if (loop != null) {
            loop.close();
        } else {
            rebuilder.close();
        }
    }
}
