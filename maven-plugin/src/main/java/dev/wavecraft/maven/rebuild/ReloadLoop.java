package dev.wavecraft.maven.rebuild;

import dev.wavecraft.maven.supervise.DiedWhileLoadingException;
import dev.wavecraft.maven.supervise.SupervisedControlClient;
import dev.wavecraft.maven.watch.ChangeListener;
import dev.wavecraft.maven.watch.ChangeSet;
import dev.wavecraft.maven.workspace.LocalModules;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.control.ControlMessages.Decoded;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.reload.BuildReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Save, build, reload: takes the watcher's change sets (and the browser's build requests), runs
 * one build at a time, and after a successful one asks the server to reload. Every outcome goes
 * to the terminal and, through the server, to the browsers.
 */
public final class ReloadLoop implements ChangeListener, AutoCloseable {

    private static final int OUTPUT_LINES_SENT = 200;

    private final ChangeBuilder builds;
    private final SupervisedControlClient control;
    private final TerminalReport terminal;
    private final Consumer<LocalModules> rewatch;
    private volatile ProjectLayout layout;
    private final Duration reloadTimeout;
    private final BuildGuard<BuildRequest> guard = new BuildGuard<>(BuildRequest::merge, this::build);
    private volatile ProjectClasspath classpath;
    private volatile boolean autoReload = true;
    /** Set while the server's circuit breaker holds auto-reload after a generation kept crashing. */
    private volatile boolean paused;

    /**
     * @param builds runs what each kind of change builds; after a POM change that rewrites the classpath file
     * @param classpath the classpath the server runs now
     * @param reloadTimeout how long the server may take to answer a reload
     * @param rewatch told when a POM change changed the modules of the dev loop or their roots
     */
    ReloadLoop(ChangeBuilder builds, SupervisedControlClient control, TerminalReport terminal,
            ProjectLayout layout, ProjectClasspath classpath, Duration reloadTimeout,
            Consumer<LocalModules> rewatch) {
        this.rewatch = rewatch;
        this.builds = builds;
        this.control = control;
        this.terminal = terminal;
        this.layout = layout;
        this.classpath = classpath;
        this.reloadTimeout = reloadTimeout;
    }

    @Override
    public void changed(ChangeSet changes) {
        if (!changes.ui().isEmpty()) {
            List<String> files = uiPaths(changes.ui());
            terminal.uiChanged(labels(changes.ui()));
            sendQuietly(new ControlMessages.UiChanged(files));
        }
        if (autoReload && changes.needsBuild()) {
            guard.submit(BuildRequest.of(changes.withoutUi()));
        }
    }

    @Override
    public void skipped(Set<Path> touched) {
        terminal.skipped(labels(touched));
        sendQuietly(new ControlMessages.BuildSkipped(relative(touched)));
    }

    /**
     * The server's own messages: a browser asked for a build or switched auto-reload, or a
     * generation kept crashing. Saves still build while the breaker is open, and the first build
     * that succeeds reloads and closes it.
     */
    public void onServerMessage(Decoded message) {
        if (message.is(ControlMessages.BuildRequested.class)) {
            guard.submit(BuildRequest.manual());
        } else if (message.is(ControlMessages.AutoReloadPaused.class)) {
            paused = true;
            terminal.autoReloadPaused(message.as(ControlMessages.AutoReloadPaused.class).reason());
        } else if (message.is(ControlMessages.AutoReload.class)) {
            autoReload = message.as(ControlMessages.AutoReload.class).enabled();
            if (autoReload && paused) {
                paused = false;
                terminal.autoReloadResumed();
            }
        }
    }

    private void build(BuildRequest request) {
        List<String> files = relative(request.files());
        long detectMs = Duration.between(request.firstEventAt(), Instant.now()).toMillis();
        terminal.changed(labels(request.files()), request.trigger());
        sendQuietly(new ControlMessages.BuildStarted(files, request.trigger()));
        BuildResult result = builds.build(request);
        BuildReport report = new BuildReport(files, request.trigger(), detectMs, result.buildMs());
        if (!result.succeeded()) {
            terminal.buildFailed(result);
            sendQuietly(new ControlMessages.BuildFailed(report, result.diagnostics(), tail(result)));
            return;
        }
        try {
            if (request.kind() == ChangeSet.Kind.POM) {
                classpath = ProjectClasspath.read(layout.classpathFile());
                LocalModules modules = LocalModules.read(layout.modulesFile());
                if (!modules.equals(layout.modules())) {
                    layout = layout.withModules(modules);
                    rewatch.accept(modules);
                }
            }
            Reloaded reloaded = control.reload(ControlMessages.Reload.of(classpath, report), reloadTimeout);
            if (reloaded.ok()) {
                terminal.reloaded(result.buildMs(), reloaded,
                        Duration.between(request.firstEventAt(), Instant.now()).toMillis());
            } else {
                terminal.reloadFailed(reloaded);
            }
        } catch (DiedWhileLoadingException e) {
            terminal.problem(FailureText.of(e));
        } catch (TimeoutException e) {
            terminal.problem("The dev server did not answer the reload within " + reloadTimeout.toSeconds() + " s.");
        } catch (IOException e) {
            terminal.problem("Could not reach the dev server to reload: " + FailureText.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(BuildResult result) {
        List<String> lines = result.output().lines().collect(Collectors.toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES_SENT), lines.size()));
    }

    private List<String> relative(Set<Path> files) {
        return files.stream().map(layout::relative).collect(Collectors.toList());
    }

    private List<String> labels(Set<Path> files) {
        return files.stream().map(layout::label).collect(Collectors.toList());
    }

    /** The URL paths under which the server serves these files of the UI folder. */
    private List<String> uiPaths(Set<Path> files) {
        Path root = layout.uiDirectory().orElseThrow();
        return files.stream().map(file -> HttpOptions.USER_UI_PATH + "/" + ProjectLayout.slashed(root.relativize(file)))
                .collect(Collectors.toList());
    }

    private void sendQuietly(Object message) {
        try {
            control.send(message);
        } catch (IOException e) {
            terminal.problem("Could not reach the dev server: " + FailureText.of(e));
        }
    }

    @Override
    public void close() throws InterruptedException {
        builds.close();
        guard.close();
    }
}
