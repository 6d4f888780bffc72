package dev.wavecraft.maven;

import dev.wavecraft.maven.fork.DevServerLauncher;
import dev.wavecraft.maven.fork.ForkedProcess;
import dev.wavecraft.maven.fork.ForkPlan;
import dev.wavecraft.maven.rebuild.DevLoop;
import dev.wavecraft.maven.rebuild.DevLoop.FirstBuild;
import dev.wavecraft.maven.supervise.LastGoodClasses;
import dev.wavecraft.maven.supervise.ServerSupervisor;
import dev.wavecraft.maven.supervise.SupervisedControlClient;
import dev.wavecraft.maven.workspace.BuildScope;
import dev.wavecraft.maven.workspace.LocalModules;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.options.WorkbenchOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Compiles the project, forks the dev server for its processor, hot-reloads it on every save,
 * and serves its parameters to a browser until Ctrl+C.
 *
 * <p>The goal builds the project itself, in the build JVM that later rebuilds run in: in a
 * multi-module project from the top-level POM, the processor's module with the local modules it
 * depends on ({@code -pl <module> -am}), so they come from their sources and nothing needs to be
 * installed first. That is also why it resolves no dependencies of its own: the build does, and
 * the {@code classpath} goal writes what it resolved.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.NONE, threadSafe = true)
public class RunMojo extends AbstractServerMojo {

    /**
     * Whether the parameter values and the input of the last run come back (from
     * {@code target/wavecraft/session.json}, which the server writes as they change, so
     * {@code mvn clean} forgets them too). A value that no longer fits its parameter is clamped or
     * dropped, and said so. False starts from the defaults; the session is written either way.
     */
    @Parameter(property = "wavecraft.restoreSession", defaultValue = "true")
    private boolean restoreSession;

    /** Whether to watch the sources, resources, POM and UI folder and hot-reload on every save. */
    @Parameter(property = "wavecraft.watch", defaultValue = "true")
    private boolean watch;

    @Inject
    public RunMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        super(toolchains, repositorySystem);
    }

    @Override
    protected String goal() {
        return "run";
    }

    @Override
    protected WorkbenchOptions workbench(WorkbenchOptions presets) {
        return presets.withSession(workDirectory().sessionFile(), restoreSession);
    }

    @Override
    protected void serve() throws MojoExecutionException, MojoFailureException {
        BuildScope scope = BuildScope.of(project().getFile().toPath());
        try (DevLoop devLoop = devLoop(scope)) {
            FirstBuild first = firstBuild(devLoop, scope);
            LocalModules modules = writtenByFirstBuild(workDirectory().modulesFile(), "list of modules to watch",
                    LocalModules::read);
            if (watch) {
                devLoop.watch(modules, Optional.of(first.startedAt()));
            }
            ForkPlan plan = plan(writtenByFirstBuild(workDirectory().classpathFile(), "classpath for the dev server",
                    ProjectClasspath::read));
            serveUntilStopped(plan, devLoop, scope, modules);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while stopping the build JVM", e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not watch the sources: " + FailureText.of(e), e);
        }
    }

    /**
     * Builds before anything is forked, as the rebuilds after a POM change do: compiles, resolves
     * the classpath, and lists the modules of the dev loop with the roots the build saw.
     */
    private FirstBuild firstBuild(DevLoop devLoop, BuildScope scope)
            throws MojoFailureException, MojoExecutionException {
        getLog().info("Initial build of " + project().getArtifactId() + scope.module()
                .map(module -> " and the local modules it depends on, from " + scope.pom()).orElse("") + "...");
        FirstBuild first;
        try {
            // What an earlier run wrote must not pass for this build's.
            Files.deleteIfExists(workDirectory().classpathFile());
            Files.deleteIfExists(workDirectory().modulesFile());
            first = devLoop.firstBuild(workDirectory().firstBuildMarker(), !session().isOffline());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not prepare " + workDirectory().path() + " for the first build: "
                    + FailureText.of(e), e);
        }
        if (!first.result().succeeded()) {
            terminal().initialBuildFailed(first.result());
            throw new MojoFailureException("The project did not build (see the errors above), so there is nothing"
                    + " to run yet. Fix them and run wavecraft:run again.");
        }
        getLog().info("Initial build done in " + first.result().buildMs() + " ms.");
        return first;
    }

    /** A file the first build's classpath goal wrote under target/wavecraft. */
    private <T> T writtenByFirstBuild(Path file, String what, FileReader<T> reader) throws MojoExecutionException {
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw new MojoExecutionException("The initial build wrote no " + what + " (" + FailureText.of(e) + ").", e);
        }
    }

    private interface FileReader<T> {
        T read(Path file) throws IOException;
    }

    private void serveUntilStopped(ForkPlan project, DevLoop devLoop, BuildScope scope, LocalModules modules)
            throws MojoExecutionException, MojoFailureException {
        // Servers restarted after a crash read the history and generation number their predecessor kept here.
        LastGoodClasses lastGood = runDirectory();
        ForkPlan plan = project.keepingStateIn(lastGood.home());
        DevServerLauncher.Started started;
        try {
            started = launch(plan);
        } catch (MojoExecutionException | MojoFailureException | RuntimeException e) {
            removeQuietly(lastGood);
            throw e;
        }
        AtomicReference<ForkedProcess> server = new AtomicReference<>(started.process());
        Thread onMavenExit = new Thread(() -> server.get().kill(), "wavecraft-devserver-kill");
        Runtime.getRuntime().addShutdownHook(onMavenExit);
        try (SupervisedControlClient control = control(started, plan, lastGood)) {
            if (watch) {
                connect(devLoop, control, plan, scope, modules);
            }
            getLog().info("Press Ctrl+C to stop.");
            new ServerSupervisor(getLog(), this::launch)
                    .serveUntilStopped(started.ready().port(), plan, control, server);
        } catch (MojoExecutionException | MojoFailureException e) {
            throw e;
        } catch (Exception e) {
            server.get().kill();
            throw new MojoExecutionException("Hot reload stopped working: " + FailureText.of(e), e);
        } finally {
            removeShutdownHook(onMavenExit);
            forgetServer();
        }
    }

    private void removeQuietly(LastGoodClasses lastGood) {
        try {
            lastGood.close();
        } catch (IOException e) {
            getLog().warn("Could not remove " + lastGood.home() + ": " + FailureText.of(e));
        }
    }

    private void forgetServer() {
        try {
            workDirectory().stateFiles().delete();
        } catch (IOException e) {
            getLog().warn("Could not remove " + workDirectory().stateFiles().stateFile() + ": " + FailureText.of(e));
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, and the hook is running or has run.
        }
    }
}
