package dev.wavecraft.maven;

import dev.wavecraft.maven.fork.DevServerLauncher;
import dev.wavecraft.maven.fork.ForkPlan;
import dev.wavecraft.maven.fork.ForkedProcess;
import dev.wavecraft.maven.fork.ListenAddress;
import dev.wavecraft.maven.lifecycle.ServerState;
import dev.wavecraft.maven.lifecycle.ServerStopper;
import dev.wavecraft.maven.lifecycle.StateFiles;
import dev.wavecraft.maven.rebuild.DevLoop;
import dev.wavecraft.maven.rebuild.ProjectLayout;
import dev.wavecraft.maven.supervise.LastGoodClasses;
import dev.wavecraft.maven.supervise.SupervisedControlClient;
import dev.wavecraft.maven.workspace.BuildScope;
import dev.wavecraft.maven.workspace.LocalModules;
import dev.wavecraft.maven.workspace.ProcessorModules;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.options.WorkbenchOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * What {@code run} and {@code start} share: the server's settings and one fixed sequence (skip, pass
 * over a module without a processor, stop a server an earlier run left behind, then the goal's own
 * {@link #serve}), with the steps that sequence uses: forking, recording and connecting to the
 * server. {@code stop} and {@code render} do not extend this.
 */
public abstract class AbstractServerMojo extends AbstractHotReloadMojo {

    /** How long a server an earlier run left behind may take to stop when asked. */
    private static final Duration LEFTOVER_STOP_GRACE = Duration.ofSeconds(10);

    /** The HTTP and WebSocket port on {@code host}; 0 picks a free one. */
    @Parameter(property = "wavecraft.port", defaultValue = "9000")
    private int port;

    /**
     * The address the HTTP and WebSocket side listens on. Loopback by default, so only this machine
     * reaches it. An address other machines can reach ({@code 0.0.0.0}, a LAN address) also needs
     * {@code allowRemote}; the server then makes a random access token, prints the URL with it once,
     * and refuses every request without it. The control channel stays on loopback either way.
     */
    @Parameter(property = "wavecraft.host", defaultValue = DevServerOptions.DEFAULT_HOST)
    private String host;

    /**
     * Permits a {@code host} beyond loopback. Off by default: the dev server runs the project's code
     * and takes commands from whoever connects, so exposing it must be a deliberate choice.
     */
    @Parameter(property = "wavecraft.allowRemote", defaultValue = "false")
    private boolean allowRemote;

    /** Seconds the forked server may take to become ready before it is stopped and the goal fails. */
    @Parameter(property = "wavecraft.startupTimeout", defaultValue = "60")
    private int startupTimeout;

    /**
     * Origins besides the server's own and loopback ones whose pages may open the WebSocket, e.g. a
     * UI dev server at {@code http://192.168.1.20:5173}. Matched exactly (scheme, host and port).
     */
    @Parameter(property = HttpOptions.ALLOWED_ORIGINS_PROPERTY)
    private List<String> allowedOrigins;

    /**
     * Whether pages from this machine's loopback on any port ({@code http://localhost:5173},
     * {@code http://127.0.0.1:3000}, {@code http://[::1]:8080}, or {@code https}) may open the
     * WebSocket, as a UI dev server such as Vite's needs. Other programs on this machine can reach
     * the server anyway; set it to false to allow only the server's own pages and {@code allowedOrigins}.
     */
    @Parameter(property = HttpOptions.ALLOW_LOOPBACK_ORIGINS_PROPERTY, defaultValue = "true")
    private boolean allowLoopbackOrigins;

    /** The largest WebSocket message accepted, in bytes; larger ones close the connection with 1009. */
    @Parameter(property = "wavecraft.maxFrameBytes", defaultValue = "1048576")
    private int maxFrameBytes;

    /** Frames per audio block (48 kHz stereo), 16 to 8192; longer blocks give a slow processor more room. */
    @Parameter(property = "wavecraft.blockSize", defaultValue = "512")
    private int blockSize;

    /**
     * What feeds the processor at start: {@code tone}, {@code tone:<Hz>:<level>}, {@code whiteNoise:<level>},
     * {@code pinkNoise:<level>}, {@code silence}, or a WAV file played in a loop ({@code wav:<path>} or a path
     * ending in {@code .wav}, relative to the project). Levels are linear, 0 to 1. The page can change it.
     */
    @Parameter(property = "wavecraft.input", defaultValue = "tone")
    private String input;

    /** Whether to play to the default output device; with false the audio is processed and metered silently. */
    @Parameter(property = "wavecraft.audioDevice", defaultValue = "true")
    private boolean audioDevice;

    protected AbstractServerMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        super(toolchains, repositorySystem);
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped(goal()) || passedOver()) {
            return;
        }
        new ServerStopper(LEFTOVER_STOP_GRACE, getLog()::warn).stopLeftover(workDirectory().stateFiles(),
                getLog()::info);
        serve();
    }

    /** The goal's name, as in {@code wavecraft:<goal>}. */
    protected abstract String goal();

    /** What the goal does once a server may start: runs one until Ctrl+C, or leaves one running. */
    protected abstract void serve() throws MojoExecutionException, MojoFailureException;

    /**
     * In a build of several projects (a reactor, e.g. {@code -pl plugin -am}), the goal runs for the
     * one module with a processor; the others, {@code pom} modules included, are passed over with
     * one line. Several modules with a processor are an error that names them.
     */
    private boolean passedOver() throws MojoFailureException {
        Optional<String> reason = new ProcessorModules(session().getProjects(), processorClass())
                .passOver(project(), session().getTopLevelProject().getBasedir().toPath(), goal());
        reason.ifPresent(getLog()::info);
        return reason.isPresent();
    }

    /** Forks the server, waits until it is ready and records it in the state files. */
    protected DevServerLauncher.Started launch(ForkPlan plan) throws MojoFailureException, MojoExecutionException {
        DevServerLauncher.Started started =
                new DevServerLauncher(getLog(), session().getRequest().isShowErrors()).launch(plan);
        StateFiles files = workDirectory().stateFiles();
        try {
            files.write(ServerState.of(goal(), started.process().handle(), started.ready().port(),
                    started.ready().url(), started.ready().controlPort()), started.secret());
        } catch (IOException e) {
            started.process().kill();
            throw new MojoExecutionException("Could not write " + files.stateFile() + ": " + FailureText.of(e), e);
        }
        terminal().serverRunning(started.ready(), plan.options().http(), project().getBasedir().toPath());
        return started;
    }

    /** @param classpath the project's classes and dependencies the server runs */
    protected ForkPlan plan(ProjectClasspath classpath) throws MojoFailureException, MojoExecutionException {
        ListenAddress.check(host, allowRemote);
        DevServerOptions options = new DevServerOptions(workDirectory().classpathFile())
                .withProcessorClass(processorClass())
                .withProcessorTimeout(processorTimeout())
                .withHttp(new HttpOptions(host, port, maxFrameBytes,
                        allowedOrigins == null ? List.of() : allowedOrigins)
                        .withLoopbackOrigins(allowLoopbackOrigins).withUiDirectory(uiDirectory()))
                .withAudio(audioOptions())
                .withHeartbeatTimeout(ForkedProcess.HEARTBEAT_TIMEOUT)
                .withWorkbench(workbench(WorkbenchOptions.NONE.withPresetsDirectory(presetsDirectory())));
        return new ForkPlan(jvm(workDirectory().serverArgFile()), classpath, options,
                Duration.ofSeconds(startupTimeout));
    }

    /**
     * What the server keeps beyond one run: presets here; {@code run} adds its session. {@code start}
     * keeps none, so integration tests never start from values someone dialled in by hand.
     */
    protected WorkbenchOptions workbench(WorkbenchOptions presets) {
        return presets;
    }

    private AudioOptions audioOptions() throws MojoFailureException {
        try {
            InputSpec spec = InputSpec.parse(input).resolvedAgainst(project().getBasedir().toPath());
            if (spec.kind() == InputSpec.Kind.WAV && !Files.isReadable(spec.path())) {
                throw new IllegalArgumentException("there is no readable file at " + spec.path());
            }
            return new AudioOptions(blockSize, spec, audioDevice, 0);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid audio setting: " + FailureText.of(e)
                    + ". Check wavecraft.input (e.g. tone:440:0.25, pinkNoise, silence, wav:takes/riff.wav)"
                    + " and wavecraft.blockSize.");
        }
    }

    /**
     * Opens the control channel to a server just started; it keeps what a restart after a crash
     * needs (the parameter values, a copy of the loaded classes).
     */
    protected SupervisedControlClient control(DevServerLauncher.Started started, ForkPlan plan)
            throws MojoExecutionException {
        LastGoodClasses lastGood;
        try {
            lastGood = runDirectory();
        } catch (MojoExecutionException e) {
            started.process().kill();
            throw e;
        }
        return control(started, plan, lastGood);
    }

    /** {@link #control(DevServerLauncher.Started, ForkPlan)} keeping the loaded classes in {@code lastGood}. */
    protected SupervisedControlClient control(DevServerLauncher.Started started, ForkPlan plan,
            LastGoodClasses lastGood) throws MojoExecutionException {
        SupervisedControlClient control = new SupervisedControlClient(lastGood, getLog()::warn);
        control.connect(started, plan.project());
        return control;
    }

    /**
     * A directory of the run outside the project (a {@code mvn clean} cannot remove it) for a copy of
     * the classes that last loaded and the server's reload history, removed when the run ends.
     */
    protected static LastGoodClasses runDirectory() throws MojoExecutionException {
        try {
            return LastGoodClasses.outsideTheProject();
        } catch (IOException e) {
            throw new MojoExecutionException("Could not make a directory for a copy of the loaded classes: "
                    + FailureText.of(e), e);
        }
    }

    /** Reloads through {@code control} from now on, what was saved since the watcher was armed first. */
    protected void connect(DevLoop loop, SupervisedControlClient control, ForkPlan plan, BuildScope scope,
            LocalModules modules) {
        loop.connect(control, new ProjectLayout(scope.directory(), modules, plan.options().classpathFile(),
                workDirectory().modulesFile(), uiDirectory()), plan.project(), terminal());
    }
}
