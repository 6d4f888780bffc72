package dev.wavecraft.maven.rebuild;

import dev.wavecraft.maven.incremental.IncrementalCompile;
import dev.wavecraft.maven.supervise.SupervisedControlClient;
import dev.wavecraft.maven.watch.HeldChanges;
import dev.wavecraft.maven.watch.SourceWatcher;
import dev.wavecraft.maven.workspace.BuildScope;
import dev.wavecraft.maven.workspace.LocalModule;
import dev.wavecraft.maven.workspace.LocalModules;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The watch, build and reload side of {@code run} and {@code start}: the first build, the watcher
 * (armed before the server is announced, its reports held until the reload loop can act on them),
 * and the reload loop over the server's control channel.
 */
public final class DevLoop implements AutoCloseable {

    private final ChangeBuilder builds;
    private final HotReloadSettings settings;
    private final Log log;
    private final HeldChanges held = new HeldChanges();
    private volatile SourceWatcher watcher;
    private volatile boolean closed;
    private ReloadLoop loop;

    DevLoop(ChangeBuilder builds, HotReloadSettings settings, Log log) {
        this.builds = builds;
        this.settings = settings;
        this.log = log;
    }

    /**
     * The dev loop of {@code project}, building from {@code scope} in a warm or a fresh Maven as
     * {@code settings} say.
     *
     * @param warmConfiguration where the warm build JVM's classworlds configuration goes
     * @param compileSetup where builds write the compiled modules, for the fast compile path
     */
    public static DevLoop of(HotReloadSettings settings, MavenSession session, MavenProject project, Log log,
            Path warmConfiguration, Path compileSetup, BuildScope scope) throws MojoFailureException {
        Rebuilder rebuilder = new BuildSetup(session, project, log).rebuilder(settings.warmBuild(),
                settings.buildTimeout(), warmConfiguration, scope);
        Optional<IncrementalCompile> incremental = settings.incremental()
                ? Optional.of(new IncrementalCompile(compileSetup, log)) : Optional.empty();
        if (incremental.isEmpty()) {
            log.info("Changes compile as the compiler plugin decides (wavecraft.incremental is false): a whole module"
                    + " on any change.");
        }
        return new DevLoop(new ChangeBuilder(rebuilder, settings.goals(), incremental), settings, log);
    }

    /**
     * Compiles the processor's module and the local modules it depends on and writes the classpath
     * and the modules of the dev loop, as a rebuild after a POM change does.
     *
     * @param marker a file touched first, whose time says when the build began on the file system's clock
     * @return the result, and when the build began
     */
    public FirstBuild firstBuild(Path marker, boolean online) throws IOException {
        Files.createDirectories(marker.getParent());
        Files.deleteIfExists(marker); // a new file has the time of now on every file system
        Files.createFile(marker);
        FileTime startedAt = Files.getLastModifiedTime(marker);
        return new FirstBuild(builds.firstBuild(online), startedAt);
    }

    /** The first build's outcome, and its start on the file system's clock. */
    public record FirstBuild(BuildResult result, FileTime startedAt) {
    }

    /**
     * Arms the watcher now. Files modified since {@code buildStartedAt} count as saved after the
     * first build read them and are built again at once; everything the watcher reports is held
     * until {@link #connect}. The classes as they are now are what the first rebuild compiles against.
     * After a first build, the build path is warmed up here, before the server starts and reads the
     * classes, so that the first save is as fast as the later ones.
     */
    public void watch(LocalModules modules, Optional<FileTime> buildStartedAt) throws IOException {
        builds.readClasses();
        SourceWatcher armed = new SourceWatcher(settings.watchSettings(modules), held, log::warn);
        armed.start(buildStartedAt);
        watcher = armed;
        if (buildStartedAt.isEmpty()) {
            builds.prepare(); // no first build warmed the build JVM up
        } else {
            long start = System.nanoTime();
            builds.warmUp().ifPresent(source -> log.debug("Warmed the build path up in " + (System.nanoTime() - start)
                    / 1_000_000 + " ms, rebuilding " + source.getFileName() + " " + ChangeBuilder.WARM_UP_ROUNDS
                    + " times"));
        }
    }

    /**
     * Starts reloading through {@code control}: first what was saved so far, then every save.
     *
     * @param classpath the classpath the server runs now
     */
    public void connect(SupervisedControlClient control, ProjectLayout layout, ProjectClasspath classpath,
            TerminalReport terminal) {
        loop = new ReloadLoop(builds, control, terminal, layout, classpath, settings.reloadTimeout(), this::rewatch);
        control.listen(loop::onServerMessage);
        held.release(loop);
        LocalModules modules = layout.modules();
        log.info("Watching the sources, resources and POMs" + (modules.isMultiModule() ? " of "
                + modules.modules().stream().map(LocalModule::name).collect(Collectors.joining(", ")) : "")
                + "; every save rebuilds and reloads.");
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
            SourceWatcher fresh = new SourceWatcher(settings.watchSettings(modules), held, log::warn);
            fresh.start(Optional.of(FileTime.from(Instant.now())));
            watcher = fresh;
            if (old != null) {
                old.close();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not watch the changed modules (" + FailureText.of(e) + "); the earlier roots are"
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
            builds.close();
        }
    }
}
