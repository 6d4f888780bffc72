package dev.wavecraft.maven;

import dev.wavecraft.maven.classpath.RuntimeClasspathResolver;
import dev.wavecraft.maven.fork.JavaExecutable;
import dev.wavecraft.maven.fork.JvmArguments;
import dev.wavecraft.maven.fork.JvmPlan;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * What every goal that runs the project's processor in a forked JVM shares ({@code run},
 * {@code start}, {@code render}): which processor, how long it may take to appear, and the JVM it
 * runs in, from the {@code jdk} toolchain when the build selects one, with the user's JVM
 * arguments and the runtime's own jars.
 */
public abstract class AbstractForkingMojo extends AbstractMojo {

    /** The processor class to run; needed only when several are listed in META-INF/services. */
    @Parameter(property = "wavecraft.processor")
    private String processor;

    /**
     * Seconds the processor's static initialiser, constructor and parameters() may take together;
     * for {@code render}, also how long one call of its prepare(), reset() or process() may take.
     */
    @Parameter(property = "wavecraft.processorTimeout", defaultValue = "10")
    private int processorTimeout;

    /**
     * Where named presets are kept, one {@code <name>.json} each: saved and loaded from the
     * dashboard of {@code run} and {@code start}, and chosen for {@code render} with
     * {@code wavecraft.preset}. In the project's sources, so they are committed with it.
     */
    @Parameter(property = "wavecraft.presetsDirectory", defaultValue = "${project.basedir}/src/main/wavecraft/presets")
    private File presetsDirectory;

    /** Extra arguments for the forked JVM, split with shell-like quoting, e.g. {@code -Xmx1g "-Dname=a b"}. */
    @Parameter(property = "wavecraft.jvmArguments")
    private String jvmArguments;

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

    protected AbstractForkingMojo(ToolchainManager toolchains, RepositorySystem repositorySystem) {
        this.toolchains = toolchains;
        this.runtimeClasspath = new RuntimeClasspathResolver(repositorySystem);
    }

    /** Says so and returns true when {@code wavecraft.skip} is set. */
    protected boolean skipped(String goal) {
        if (skip) {
            getLog().info("Skipping wavecraft:" + goal + " (wavecraft.skip is true)");
        }
        return skip;
    }

    protected MavenProject project() {
        return project;
    }

    protected MavenSession session() {
        return session;
    }

    protected PluginDescriptor plugin() {
        return plugin;
    }

    /** {@code target/wavecraft}: where every goal keeps its files. */
    WorkDirectory workDirectory() {
        return WorkDirectory.of(project);
    }

    protected Optional<String> processorClass() {
        return Optional.ofNullable(processor).filter(name -> !name.isBlank());
    }

    protected Path presetsDirectory() {
        return presetsDirectory.toPath().toAbsolutePath();
    }

    protected Duration processorTimeout() {
        return Duration.ofSeconds(processorTimeout);
    }

    /**
     * The JVM the processor runs in: the {@code jdk} toolchain's {@code java} when the build selects
     * one (maven-toolchains-plugin), else the JDK Maven runs on; the runtime's jars of this plugin's
     * version; the user's JVM arguments; the project's directory as the working directory.
     *
     * @param argFile where the runtime's classpath is written, under {@link #workDirectory}
     */
    protected JvmPlan jvm(Path argFile) throws MojoFailureException, MojoExecutionException {
        return new JvmPlan(
                JavaExecutable.find(toolchainJava(), System.getProperty("java.home"), System.getProperty("os.name")),
                JvmArguments.parse(jvmArguments),
                runtimeClasspath.resolve(session, project, plugin.getVersion()),
                project.getBasedir().toPath(),
                argFile);
    }

    private Optional<String> toolchainJava() {
        Toolchain jdk = toolchains.getToolchainFromBuildContext("jdk", session);
        return jdk == null ? Optional.empty() : Optional.ofNullable(jdk.findTool("java"));
    }
}
