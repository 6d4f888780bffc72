package dev.wavecraft.maven;

import dev.wavecraft.maven.classpath.ProjectClasspathResolver;
import dev.wavecraft.maven.fork.DevServerLauncher;
import dev.wavecraft.maven.fork.ForkPlan;
import dev.wavecraft.maven.incremental.CompileSetup;
import dev.wavecraft.maven.lifecycle.BackgroundServer;
import dev.wavecraft.maven.lifecycle.OutputLog;
import dev.wavecraft.maven.rebuild.DevLoop;
import dev.wavecraft.maven.supervise.SupervisedControlClient;
import dev.wavecraft.maven.workspace.BuildScope;
import dev.wavecraft.maven.workspace.LocalModules;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Starts the dev server in the background for the phases that follow, typically integration tests,
 * and returns once it is ready. Sets the properties {@code wavecraft.port} and {@code wavecraft.url},
 * plus {@code wavecraft.token} when it listens beyond loopback (the token stays out of the URL and
 * the state file), and writes {@code target/wavecraft/devserver.json}; {@code wavecraft:stop} ends
 * it, and so does the end of this Maven run. The server's output goes to
 * {@code target/wavecraft/devserver.log}. It resolves the compile classpath too: with {@code watch},
 * the fast compile path must know of annotation processors in provided dependencies.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class StartMojo extends AbstractServerMojo {

    /** Whether to watch the project and hot-reload on every save while the later phases run. */
    @Parameter(property = "wavecraft.watch", defaultValue = "false")
    private boolean watch;

    @Inject
    public StartMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        super(toolchains, repositorySystem);
    }

    @Override
    protected String goal() {
        return "start";
    }

    @Override
    protected void serve() throws MojoExecutionException, MojoFailureException {
        ForkPlan plan = plan(ProjectClasspathResolver.resolve(project(), session().getProjects()));
        DevServerLauncher.Started started = launch(plan);
        try {
            OutputLog output = new OutputLog(workDirectory().serverLog());
            started.process().redirectOutput(output);
            AutoCloseable hotReload = watch ? hotReload(started, plan) : () -> { };
            getPluginContext().put(BackgroundServer.CONTEXT_KEY,
                    new BackgroundServer(started.process(), hotReload, output));
            getLog().info("The dev server keeps running for the next phases; its output goes to " + output.file()
                    + ". wavecraft:stop (or the end of this build) stops it.");
        } catch (IOException e) {
            started.process().kill();
            throw new MojoExecutionException("Could not open the dev server's log file: " + FailureText.of(e), e);
        } catch (Exception e) {
            started.process().kill();
            throw new MojoExecutionException("Could not start hot reload: " + FailureText.of(e), e);
        }
        String port = Integer.toString(started.ready().port());
        project().getProperties().setProperty("wavecraft.port", port);
        project().getProperties().setProperty("wavecraft.url", started.ready().url());
        if (started.ready().token() != null) {
            project().getProperties().setProperty("wavecraft.token", started.ready().token());
        }
    }

    /** Watches the modules as this build sees them; rebuilds run from the top-level POM like run's. */
    private AutoCloseable hotReload(DevServerLauncher.Started started, ForkPlan plan) throws Exception {
        BuildScope scope = BuildScope.of(project().getFile().toPath());
        LocalModules modules = LocalModules.of(project(), session().getProjects());
        CompileSetup.of(LocalModules.projectsOf(project(), session().getProjects()), session().getUserProperties())
                .write(workDirectory().compileSetupFile());
        DevLoop devLoop = devLoop(scope);
        SupervisedControlClient control = control(started, plan);
        devLoop.watch(modules, Optional.empty());
        connect(devLoop, control, plan, scope, modules);
        return () -> {
            devLoop.close();
            control.close();
        };
    }
}
