package dev.wavecraft.maven;

import dev.wavecraft.maven.classpath.ProjectClasspathResolver;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Writes the project's runtime classpath for the dev server to
 * {@code target/wavecraft/project.classpath}. {@code run} calls it in its rebuilds after the POM
 * changed, so a new dependency reaches the running server without restarting Maven.
 */
@Mojo(name = "classpath", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ClasspathMojo extends AbstractMojo {

    static final String FILE = "wavecraft/project.classpath";

    /** Skips the goal. */
    @Parameter(property = "wavecraft.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wavecraft:classpath (wavecraft.skip is true)");
            return;
        }
        Path file = Path.of(project.getBuild().getDirectory()).resolve(FILE);
        try {
            ProjectClasspathResolver.resolve(project).write(file);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
