package dev.wavecraft.maven;

import dev.wavecraft.maven.fork.DevServerLauncher;
import dev.wavecraft.maven.fork.ForkedProcess;
import dev.wavecraft.maven.fork.ForkPlan;
import dev.wavecraft.maven.fork.ListenAddress;
import dev.wavecraft.maven.lifecycle.ServerState;
import dev.wavecraft.maven.lifecycle.ServerStopper;
import dev.wavecraft.maven.lifecycle.StateFiles;
import dev.wavecraft.maven.rebuild.BuildGoals;
import dev.wavecraft.maven.rebuild.ProjectLayout;
import dev.wavecraft.maven.rebuild.Rebuilder;
import dev.wavecraft.maven.rebuild.TerminalReport;
import dev.wavecraft.maven.supervise.LastGoodClasses;
import dev.wavecraft.maven.supervise.ServerLink;
import dev.wavecraft.maven.watch.WatchSettings;
import dev.wavecraft.maven.workspace.BuildScope;
import dev.wavecraft.maven.workspace.LocalModule;
import dev.wavecraft.maven.workspace.LocalModules;
import dev.wavecraft.maven.workspace.ProcessorModules;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.launch.LaunchEvent;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * What {@code run} and {@code start} share: the server's settings, forking it, finding a server
 * an earlier run left behind, and the hot-reload loop. {@code stop} does not extend this.
 */
public abstract class AbstractServerMojo extends AbstractForkingMojo {

    /** Time a reload may take beyond the processor's own creation timeout (snapshot, swap, notify). */
    private static final Duration RELOAD_MARGIN = Duration.ofSeconds(20);
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
     * Origins besides the server's own whose pages may open the WebSocket, e.g. a UI dev server at
     * {@code http://localhost:5173}. Matched exactly.
     */
    @Parameter(property = "wavecraft.allowedOrigins")
    private List<String> allowedOrigins;

    /** The largest WebSocket message accepted, in bytes; larger ones close the connection with 1009. */
    @Parameter(property = "wavecraft.maxFrameBytes", defaultValue = "1048576")
    private int maxFrameBytes;

    /**
     * The project's own browser UI, served under {@code /ui/} and watched: a changed CSS file is
     * swapped into open pages, any other change reloads them, and no build runs. Used when it exists.
     */
    @Parameter(property = "wavecraft.uiDirectory", defaultValue = "${project.basedir}/src/main/ui")
    private File uiDirectory;

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

    /** Milliseconds without a further change before a build starts. */
    @Parameter(property = "wavecraft.debounce", defaultValue = "100")
    private int debounce;

    /** Whether the quiet period grows (up to four times) while changes keep coming. */
    @Parameter(property = "wavecraft.adaptiveDebounce", defaultValue = "true")
    private boolean adaptiveDebounce;

    /** Milliseconds after a first change when a build starts even if changes keep coming. */
    @Parameter(property = "wavecraft.maxWait", defaultValue = "2000")
    private int maxWait;

    /** Glob patterns of watched files (relative to their source or resource root); empty means all. */
    @Parameter(property = "wavecraft.includes")
    private List<String> includes;

    /**
     * Folders besides the source and resource roots whose files some plugin turns into sources or
     * resources (relative to the project), watched like source roots. templating-maven-plugin's
     * source directory is watched anyway when the build uses that plugin.
     */
    @Parameter(property = "wavecraft.watchDirectories")
    private List<File> watchDirectories;

    /** Glob patterns of files whose changes are ignored, e.g. {@code **}{@code /*.generated.java}. */
    @Parameter(property = "wavecraft.excludes")
    private List<String> excludes;

    /**
     * Whether rebuilds run in one Maven JVM kept warm for the whole session (the arguments are those
     * the Maven Invoker would pass to a fresh {@code mvn}); false starts a fresh Maven through the
     * Invoker for every build, which is slower but shares nothing between builds.
     */
    @Parameter(property = "wavecraft.warmBuild", defaultValue = "true")
    private boolean warmBuild;

    /** Goals (or phases) a rebuild runs after a source change. */
    @Parameter(property = "wavecraft.sourceGoals", defaultValue = "process-classes")
    private List<String> sourceGoals;

    /** Goals (or phases) a rebuild runs when only resources changed. */
    @Parameter(property = "wavecraft.resourceGoals", defaultValue = "process-resources")
    private List<String> resourceGoals;

    /** Seconds a rebuild may take before it is stopped and reported as failed. */
    @Parameter(property = "wavecraft.buildTimeout", defaultValue = "120")
    private int buildTimeout;

    protected AbstractServerMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        super(toolchains, repositorySystem);
    }

    protected StateFiles stateFiles() {
        return workDirectory().stateFiles();
    }

    /**
     * A server an earlier run of this project left behind (Maven crashed, or {@code stop} never ran)
     * would hold the port and confuse the tests: stop it, and clean up a stale state file.
     */
    protected void stopLeftoverServer() throws MojoExecutionException {
        StateFiles files = stateFiles();
        files.read().filter(state -> state.liveProcess().isPresent()).ifPresent(state -> getLog().warn("A dev server"
                + " from an earlier wavecraft:" + state.goal() + " of this project is still running (pid " + state.pid()
                + ", " + state.url() + "); stopping it."));
        try {
            new ServerStopper(LEFTOVER_STOP_GRACE, getLog()::warn).stopRecorded(files)
                    .filter(stopped -> stopped.outcome() == ServerStopper.Outcome.GONE)
                    .ifPresent(gone -> getLog().info("Removed the stale " + files.stateFile()
                            + " of a dev server that is gone."));
        } catch (IOException e) {
            throw new MojoExecutionException("Could not remove " + files.stateFile() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while stopping an earlier dev server", e);
        }
    }

    /** Forks the server, waits until it is ready and records it in the state files. */
    protected DevServerLauncher.Started launch(ForkPlan plan, String goal)
            throws MojoFailureException, MojoExecutionException {
        DevServerLauncher.Started started =
                new DevServerLauncher(getLog(), session().getRequest().isShowErrors()).launch(plan);
        LaunchEvent ready = started.ready();
        try {
            stateFiles().write(ServerState.of(goal, started.process().handle(), ready.port(), ready.url(),
                    ready.controlPort()), started.secret());
        } catch (IOException e) {
            started.process().kill();
            throw new MojoExecutionException("Could not write " + stateFiles().stateFile() + ": " + e.getMessage(), e);
        }
        getLog().info("Wavecraft dev server running at " + ready.urlWithToken() + " (" + ready.processor() + ", "
                + TerminalReport.parameters(ready.parameters()) + ").");
        if (ready.token() != null) {
            getLog().warn("It listens on " + plan.options().http().host() + ", beyond this machine: every request"
                    + " needs the token in the URL above (a browser keeps it in a cookie; a tool sends"
                    + " Authorization: Bearer <token>). Other machines use this machine's address with the same port.");
        }
        plan.options().http().uiDirectory().ifPresent(directory -> getLog().info("Serving "
                + project().getBasedir().toPath().relativize(directory) + " at " + ready.url() + "ui/"));
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
                        .withUiDirectory(Optional.ofNullable(uiDirectory).filter(File::isDirectory).map(File::toPath)))
                .withAudio(audioOptions())
                .withHeartbeatTimeout(ForkedProcess.HEARTBEAT_TIMEOUT);
        return new ForkPlan(jvm(), classpath, options, Duration.ofSeconds(startupTimeout));
    }

    private AudioOptions audioOptions() throws MojoFailureException {
        try {
            InputSpec spec = InputSpec.parse(input).resolvedAgainst(project().getBasedir().toPath());
            if (spec.kind() == InputSpec.Kind.WAV && !Files.isReadable(spec.path())) {
                throw new IllegalArgumentException("there is no readable file at " + spec.path());
            }
            return new AudioOptions(blockSize, spec, audioDevice, 0);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid audio setting: " + e.getMessage()
                    + ". Check wavecraft.input (e.g. tone:440:0.25, pinkNoise, silence, wav:takes/riff.wav)"
                    + " and wavecraft.blockSize.");
        }
    }

    /**
     * Opens the control channel to a server just started; it keeps what a restart after a crash
     * needs (the parameter values, a copy of the loaded classes).
     */
    protected ServerLink link(DevServerLauncher.Started started, ForkPlan plan) throws MojoExecutionException {
        ServerLink link = new ServerLink(new LastGoodClasses(workDirectory().lastGoodClasses()), getLog()::warn);
        try {
            link.connect(started.ready().controlPort(), started.secret(), plan.project());
        } catch (IOException e) {
            started.process().kill();
            throw new MojoExecutionException("Could not connect to the dev server's control channel on port "
                    + started.ready().controlPort() + ": " + e.getMessage(), e);
        }
        return link;
    }

    /**
     * In a build of several projects (a reactor, e.g. {@code -pl plugin -am}), the goal runs for the
     * one module with a processor; the others, {@code pom} modules included, are passed over with
     * one line. Several modules with a processor are an error that names them.
     *
     * @return whether this module is passed over
     */
    protected boolean passedOver(String goal) throws MojoFailureException {
        Optional<String> reason = new ProcessorModules(session().getProjects(), processorClass())
                .passOver(project(), session().getTopLevelProject().getBasedir().toPath(), goal);
        reason.ifPresent(getLog()::info);
        return reason.isPresent();
    }

    /** The watch, build and reload side, building from {@code scope}. */
    protected DevLoop devLoop(BuildScope scope) throws MojoFailureException {
        Rebuilder rebuilder = new BuildSetup(session(), project(), getLog()).rebuilder(warmBuild,
                Duration.ofSeconds(buildTimeout), workDirectory().path(), scope);
        return new DevLoop(rebuilder, buildGoals(), this::watchSettings, getLog()::warn);
    }

    /** Reloads through {@code link} from now on, what was saved since the watcher was armed first. */
    protected void connect(DevLoop loop, ServerLink link, ForkPlan plan, BuildScope scope, LocalModules modules) {
        ProjectLayout layout = new ProjectLayout(scope.directory(), modules, plan.options().classpathFile(),
                workDirectory().modulesFile(), plan.options().http().uiDirectory());
        loop.connect(link, layout, plan.project(), terminal(),
                processorTimeout().plus(RELOAD_MARGIN));
        getLog().info("Watching the sources, resources and POMs" + (modules.isMultiModule() ? " of "
                + modules.modules().stream().map(LocalModule::name).collect(Collectors.joining(", ")) : "")
                + "; every save rebuilds and reloads.");
    }

    protected BuildGoals buildGoals() {
        return new BuildGoals(sourceGoals, resourceGoals,
                plugin().getGroupId() + ":" + plugin().getArtifactId() + ":" + plugin().getVersion() + ":classpath");
    }

    /**
     * Every compile source root and resource root of the modules (those under their build
     * directories excepted: generated sources are outputs; their inputs are watched), the folders
     * plugins turn into sources, the {@code watchDirectories}, the POMs and the UI folder.
     */
    private WatchSettings watchSettings(LocalModules modules) {
        List<Path> sourceRoots = new ArrayList<>(modules.sourceRoots());
        sourceRoots.addAll(modules.inputRoots());
        if (watchDirectories != null) {
            watchDirectories.stream().map(File::toPath).map(dir -> project().getBasedir().toPath().resolve(dir))
                    .forEach(sourceRoots::add);
        }
        return WatchSettings.of(sourceRoots, modules.resourceRoots(), modules.poms())
                .withUiRoots(Optional.ofNullable(uiDirectory).filter(File::isDirectory).map(File::toPath).stream().toList())
                .withQuietPeriod(Duration.ofMillis(debounce))
                .withMaxWait(Duration.ofMillis(Math.max(maxWait, debounce)))
                .withAdaptive(adaptiveDebounce)
                .withIncludes(includes == null ? List.of() : includes)
                .withExcludes(excludes == null ? List.of() : excludes);
    }

    protected TerminalReport terminal() {
        boolean fancy = session().getRequest().isInteractiveMode() && System.getenv("NO_COLOR") == null
                && System.console() != null;
        return new TerminalReport(getLog(), fancy);
    }

}
