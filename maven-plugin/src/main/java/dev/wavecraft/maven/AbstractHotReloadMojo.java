package dev.wavecraft.maven;

import dev.wavecraft.maven.rebuild.BuildGoals;
import dev.wavecraft.maven.rebuild.DevLoop;
import dev.wavecraft.maven.rebuild.HotReloadSettings;
import dev.wavecraft.maven.rebuild.TerminalReport;
import dev.wavecraft.maven.workspace.BuildScope;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * The parameters of the hot-reload side that {@code run} and {@code start} share: what is watched,
 * how long a save settles, and how rebuilds run. The loop itself is put together in
 * {@code rebuild.DevLoop} from the {@link HotReloadSettings} read here.
 */
public abstract class AbstractHotReloadMojo extends AbstractForkingMojo {

    /** Time a reload may take beyond the calls into the processor's code (snapshot, swap, notify). */
    private static final Duration RELOAD_MARGIN = Duration.ofSeconds(20);
    /** A reload calls the project's code three times, each under the processor timeout: create, prepare, hand over. */
    private static final int USER_CODE_CALLS_PER_RELOAD = 3;

    /**
     * The project's own browser UI, served under {@code /ui/} and watched: a changed CSS file is
     * swapped into open pages, any other change reloads them, and no build runs. Used when it exists.
     */
    @Parameter(property = "wavecraft.uiDirectory", defaultValue = "${project.basedir}/src/main/ui")
    private File uiDirectory;

    /**
     * Milliseconds without a further change before a build starts. One editor save is one burst of
     * file events within a few milliseconds, so a short settle time builds a save at once.
     */
    @Parameter(property = "wavecraft.debounce", defaultValue = "25")
    private int debounce;

    /**
     * Whether the quiet period grows while saves keep coming (up to eight times {@code debounce}
     * when saves come less than 300 ms apart), so ten saves in a second give at most two builds.
     */
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

    /**
     * Whether a rebuild compiles only the changed sources and those that use an API that changed
     * (found from the compiled classes), through the project's own compiler plugin and its
     * configuration. Whole modules compile after a POM change or a deleted source, and always where
     * the fast path is not safe (annotation processors, another compiler). False lets the compiler
     * plugin decide, which recompiles a whole module on any change.
     */
    @Parameter(property = "wavecraft.incremental", defaultValue = "true")
    private boolean incremental;

    /** Goals (or phases) a rebuild runs after a source change. */
    @Parameter(property = "wavecraft.sourceGoals", defaultValue = "process-classes")
    private List<String> sourceGoals;

    /** Goals (or phases) a rebuild runs when only resources changed. */
    @Parameter(property = "wavecraft.resourceGoals", defaultValue = "process-resources")
    private List<String> resourceGoals;

    /** Seconds a rebuild may take before it is stopped and reported as failed. */
    @Parameter(property = "wavecraft.buildTimeout", defaultValue = "120")
    private int buildTimeout;

    protected AbstractHotReloadMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        super(toolchains, repositorySystem);
    }

    /** The user's UI folder, when it exists. */
    protected Optional<Path> uiDirectory() {
        return Optional.ofNullable(uiDirectory).filter(File::isDirectory).map(File::toPath);
    }

    /** The watch, build and reload side, building from {@code scope}. */
    protected DevLoop devLoop(BuildScope scope) throws MojoFailureException {
        return DevLoop.of(hotReloadSettings(), session(), project(), getLog(),
                workDirectory().warmMavenConfiguration(), workDirectory().compileSetupFile(), scope);
    }

    private HotReloadSettings hotReloadSettings() {
        Path basedir = project().getBasedir().toPath();
        return new HotReloadSettings(Duration.ofMillis(debounce), Duration.ofMillis(maxWait), adaptiveDebounce,
                includes == null ? List.of() : includes, excludes == null ? List.of() : excludes,
                watchDirectories == null ? List.of()
                        : watchDirectories.stream().map(File::toPath).map(basedir::resolve).toList(),
                uiDirectory(), warmBuild, incremental,
                new BuildGoals(sourceGoals, resourceGoals, plugin().getGroupId() + ":" + plugin().getArtifactId()
                        + ":" + plugin().getVersion() + ":classpath"),
                Duration.ofSeconds(buildTimeout), processorTimeout().multipliedBy(USER_CODE_CALLS_PER_RELOAD).plus(RELOAD_MARGIN));
    }

    protected TerminalReport terminal() {
        boolean fancy = session().getRequest().isInteractiveMode() && System.getenv("NO_COLOR") == null
                && System.console() != null;
        return new TerminalReport(getLog(), fancy);
    }
}
