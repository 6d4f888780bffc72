package dev.wavecraft.maven;

import dev.wavecraft.devserver.DevServerOptions;
import dev.wavecraft.devserver.audio.AudioOptions;
import dev.wavecraft.devserver.audio.InputSpec;
import dev.wavecraft.devserver.http.HttpOptions;
import dev.wavecraft.devserver.launch.LaunchEvent;
import dev.wavecraft.maven.classpath.ProjectClasspathResolver;
import dev.wavecraft.maven.classpath.RuntimeClasspathResolver;
import dev.wavecraft.maven.fork.DevServerLauncher;
import dev.wavecraft.maven.fork.DevServerProcess;
import dev.wavecraft.maven.fork.ForkPlan;
import dev.wavecraft.maven.fork.JavaExecutable;
import dev.wavecraft.maven.fork.JvmArguments;
import dev.wavecraft.maven.fork.StopSignal;
import dev.wavecraft.devserver.control.ControlClient;
import dev.wavecraft.maven.rebuild.Rebuilder;
import dev.wavecraft.maven.rebuild.ReloadLoop;
import dev.wavecraft.maven.rebuild.TerminalReport;
import dev.wavecraft.maven.watch.SourceWatcher;
import dev.wavecraft.maven.watch.WatchSettings;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Compiles the project, forks the dev server for its processor, and serves its parameters to a
 * browser until Ctrl+C.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class RunMojo extends AbstractMojo {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** Time a reload may take beyond the processor's own creation timeout (snapshot, swap, notify). */
    private static final Duration RELOAD_MARGIN = Duration.ofSeconds(20);
    /** Exit codes of a JVM ended by SIGINT or SIGTERM: Ctrl+C reached the server too. */
    private static final List<Integer> SIGNALLED_EXIT_CODES = List.of(130, 143);

    /** The HTTP and WebSocket port on 127.0.0.1; 0 picks a free one. */
    @Parameter(property = "wavecraft.port", defaultValue = "9000")
    private int port;

    /** The processor class to run; needed only when several are listed in META-INF/services. */
    @Parameter(property = "wavecraft.processor")
    private String processor;

    /** Seconds the processor's static initialiser, constructor and parameters() may take together. */
    @Parameter(property = "wavecraft.processorTimeout", defaultValue = "10")
    private int processorTimeout;

    /** Seconds the forked server may take to become ready before it is stopped and the goal fails. */
    @Parameter(property = "wavecraft.startupTimeout", defaultValue = "60")
    private int startupTimeout;

    /** Extra arguments for the forked JVM, split with shell-like quoting, e.g. {@code -Xmx1g "-Dname=a b"}. */
    @Parameter(property = "wavecraft.jvmArguments")
    private String jvmArguments;

    /**
     * Origins besides the server's own whose pages may open the WebSocket, e.g. a UI dev server at
     * {@code http://localhost:5173}. Matched exactly.
     */
    @Parameter(property = "wavecraft.allowedOrigins")
    private List<String> allowedOrigins;

    /** The largest WebSocket message accepted, in bytes; larger ones close the connection with 1009. */
    @Parameter(property = "wavecraft.maxFrameBytes", defaultValue = "1048576")
    private int maxFrameBytes;

    /** Whether to watch the sources and hot-reload on every save. */
    @Parameter(property = "wavecraft.watch", defaultValue = "true")
    private boolean watch;

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

    /** Glob patterns of files whose changes are ignored, e.g. {@code **}{@code /*.generated.java}. */
    @Parameter(property = "wavecraft.excludes")
    private List<String> excludes;

    /** Seconds a rebuild may take before it is stopped and reported as failed. */
    @Parameter(property = "wavecraft.buildTimeout", defaultValue = "120")
    private int buildTimeout;

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

    /** Skips the goal. */
    @Parameter(property = "wavecraft.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    private final ToolchainManager toolchains;
    private final RuntimeClasspathResolver runtimeClasspath;

    @Inject
    public RunMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        this.toolchains = toolchains;
        this.runtimeClasspath = new RuntimeClasspathResolver(repositorySystem);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wavecraft:run (wavecraft.skip is true)");
            return;
        }
        ForkPlan plan = plan();
        DevServerLauncher.Started started =
                new DevServerLauncher(getLog(), session.getRequest().isShowErrors()).launch(plan);
        LaunchEvent ready = started.ready();
        getLog().info("Wavecraft dev server running at " + ready.url() + " (" + ready.processor() + ", "
                + ready.parameters() + " parameters). Press Ctrl+C to stop.");
        try (AutoCloseable hotReload = watch ? startHotReload(started, plan) : () -> { }) {
            if (watch) {
                getLog().info("Watching the sources, resources and pom.xml; every save rebuilds and reloads.");
            }
            serveUntilStopped(started.process());
        } catch (MojoExecutionException | MojoFailureException e) {
            throw e;
        } catch (Exception e) {
            started.process().kill();
            throw new MojoExecutionException("Hot reload stopped working: " + e.getMessage(), e);
        }
    }

    /** Connects to the server's control channel, then watches and rebuilds until closed. */
    private AutoCloseable startHotReload(DevServerLauncher.Started started, ForkPlan plan) throws Exception {
        AtomicReference<ReloadLoop> loop = new AtomicReference<>();
        ControlClient control = ControlClient.connect(started.ready().controlPort(), started.secret(), message -> {
            ReloadLoop current = loop.get();
            if (current != null) {
                current.onServerMessage(message);
            }
        });
        Path pom = project.getFile().toPath();
        loop.set(new ReloadLoop(new Rebuilder(buildEnvironment()), control, terminal(), project.getBasedir().toPath(),
                pom, plan.project(), plan.options().classpathFile(),
                plugin.getGroupId() + ":" + plugin.getArtifactId() + ":" + plugin.getVersion() + ":classpath",
                Duration.ofSeconds(processorTimeout).plus(RELOAD_MARGIN)));
        SourceWatcher watcher = new SourceWatcher(watchSettings(pom), loop.get(), getLog()::warn);
        watcher.start();
        return () -> {
            watcher.close();
            loop.get().close();
            control.close();
        };
    }

    private WatchSettings watchSettings(Path pom) {
        // Roots under target/ (generated sources) are written by the build itself: watching them would
        // let a generator whose output differs each time rebuild forever.
        Path buildDirectory = Path.of(project.getBuild().getDirectory());
        List<Path> sourceRoots = project.getCompileSourceRoots().stream().map(Path::of)
                .filter(root -> !root.startsWith(buildDirectory)).collect(Collectors.toList());
        List<Path> resourceRoots = project.getResources().stream().map(resource -> Path.of(resource.getDirectory()))
                .filter(root -> !root.startsWith(buildDirectory)).collect(Collectors.toList());
        return WatchSettings.of(sourceRoots, resourceRoots, pom)
                .withQuietPeriod(Duration.ofMillis(debounce))
                .withMaxWait(Duration.ofMillis(Math.max(maxWait, debounce)))
                .withAdaptive(adaptiveDebounce)
                .withIncludes(includes == null ? List.of() : includes)
                .withExcludes(excludes == null ? List.of() : excludes);
    }

    private Rebuilder.BuildEnvironment buildEnvironment() {
        MavenExecutionRequest request = session.getRequest();
        Map<String, String> properties = new HashMap<>();
        session.getUserProperties().forEach((name, value) -> properties.put(name.toString(), value.toString()));
        String mavenOpts = System.getenv("MAVEN_OPTS");
        return new Rebuilder.BuildEnvironment(
                Path.of(System.getProperty("maven.home")),
                project.getBasedir().toPath(),
                project.getFile().toPath(),
                request.getLocalRepositoryPath().toPath(),
                existing(request.getUserSettingsFile()),
                existing(request.getGlobalSettingsFile()),
                properties,
                // Each rebuild is a short-lived Maven: the quick JIT tier starts it faster.
                "-XX:TieredStopAtLevel=1" + (mavenOpts == null ? "" : " " + mavenOpts),
                session.isOffline(),
                Duration.ofSeconds(buildTimeout));
    }

    private static Optional<Path> existing(File file) {
        return file != null && file.isFile() ? Optional.of(file.toPath()) : Optional.empty();
    }

    private TerminalReport terminal() {
        boolean fancy = session.getRequest().isInteractiveMode() && System.getenv("NO_COLOR") == null
                && System.console() != null;
        return new TerminalReport(getLog(), fancy);
    }

    private ForkPlan plan() throws MojoFailureException, MojoExecutionException {
        Path workDirectory = Path.of(project.getBuild().getDirectory(), "wavecraft");
        DevServerOptions options = new DevServerOptions(workDirectory.resolve("project.classpath"))
                .withProcessorClass(Optional.ofNullable(processor).filter(name -> !name.isBlank()))
                .withProcessorTimeout(Duration.ofSeconds(processorTimeout))
                .withHttp(new HttpOptions(DevServerOptions.DEFAULT_HOST, port, maxFrameBytes,
                        allowedOrigins == null ? List.of() : allowedOrigins))
                .withAudio(audioOptions());
        return new ForkPlan(
                JavaExecutable.find(toolchainJava(), System.getProperty("java.home"), System.getProperty("os.name")),
                JvmArguments.parse(jvmArguments),
                runtimeClasspath.resolve(session, project, plugin.getVersion()),
                ProjectClasspathResolver.resolve(project),
                options,
                project.getBasedir().toPath(),
                Duration.ofSeconds(startupTimeout));
    }

    private AudioOptions audioOptions() throws MojoFailureException {
        try {
            InputSpec spec = InputSpec.parse(input);
            if (spec.kind() == InputSpec.Kind.WAV && !spec.path().isAbsolute()) {
                spec = InputSpec.wav(project.getBasedir().toPath().resolve(spec.path()), spec.level());
            }
            if (spec.kind() == InputSpec.Kind.WAV && !java.nio.file.Files.isReadable(spec.path())) {
                throw new IllegalArgumentException("there is no readable file at " + spec.path());
            }
            return new AudioOptions(blockSize, spec, audioDevice, 0);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid audio setting: " + e.getMessage()
                    + ". Check wavecraft.input (e.g. tone:440:0.25, pinkNoise, silence, wav:takes/riff.wav)"
                    + " and wavecraft.blockSize.");
        }
    }

    private Optional<String> toolchainJava() {
        Toolchain jdk = toolchains.getToolchainFromBuildContext("jdk", session);
        return jdk == null ? Optional.empty() : Optional.ofNullable(jdk.findTool("java"));
    }

    /** Blocks until Ctrl+C (a successful end) or until the server dies on its own (a failure). */
    private void serveUntilStopped(DevServerProcess server) throws MojoExecutionException, MojoFailureException {
        CompletableFuture<Void> stopRequested = new CompletableFuture<>();
        Thread onMavenExit = new Thread(server::kill, "wavecraft-devserver-kill");
        Runtime.getRuntime().addShutdownHook(onMavenExit);
        try (StopSignal ignored = StopSignal.install(() -> stopRequested.complete(null))) {
            CompletableFuture.anyOf(stopRequested, server.onExit()).join();
            if (stopRequested.isDone()) {
                getLog().info("Stopping the dev server...");
                server.stop(STOP_GRACE);
                getLog().info("Dev server stopped.");
                return;
            }
            int exitCode = server.exitCode();
            if (SIGNALLED_EXIT_CODES.contains(exitCode)) {
                getLog().info("Dev server stopped.");
                return;
            }
            throw new MojoFailureException("The dev server exited unexpectedly with code " + exitCode
                    + ". Its last output:" + System.lineSeparator() + server.lastOutput());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.kill();
            throw new MojoExecutionException("Interrupted while the dev server was running", e);
        } finally {
            removeShutdownHook(onMavenExit);
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
