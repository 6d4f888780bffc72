package dev.wavecraft.maven;

import dev.wavecraft.maven.classpath.ProjectClasspathResolver;
import dev.wavecraft.maven.incremental.CompileSetup;
import dev.wavecraft.maven.rebuild.BuildGoals;
import dev.wavecraft.maven.workspace.LocalModules;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import org.apache.maven.execution.MavenSession;
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
 * {@code target/wavecraft/project.classpath}, and the modules of the dev loop (this one and the
 * local modules it depends on, with their POMs and source roots as this build left them) to
 * {@code target/wavecraft/modules.json}. {@code run} calls it in its first build and in rebuilds
 * after a POM changed, so a new dependency or source root reaches the running server and the
 * watcher without restarting Maven. Beside them goes what the fast compile path needs of those
 * modules ({@code target/wavecraft/compile-setup.json}); for that the goal resolves the compile
 * classpath too, where annotation processors may be.
 */
@Mojo(name = "classpath", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public class ClasspathMojo extends AbstractMojo {

    /** Set by {@code run}'s reactor builds to the processor module's groupId:artifactId. */

    /** Skips the goal. */
    @Parameter(property = "wavecraft.skip", defaultValue = "false")
    private boolean skip;

    /** In a reactor build, the one module (groupId:artifactId) to write the files for; others pass. */
    @Parameter(property = BuildGoals.CLASSPATH_MODULE_PROPERTY)
    private String module;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wavecraft:classpath (wavecraft.skip is true)");
            return;
        }
        if (module != null && !module.isBlank() && !module.equals(project.getGroupId() + ":" + project.getArtifactId())) {
            getLog().debug("wavecraft:classpath is for " + module + ", not this module");
            return;
        }
        WorkDirectory directory = WorkDirectory.of(project);
        try {
            ProjectClasspathResolver.resolve(project, session.getProjects()).write(directory.classpathFile());
            LocalModules.of(project, session.getProjects()).write(directory.modulesFile());
            CompileSetup.of(LocalModules.projectsOf(project, session.getProjects()), session.getUserProperties())
                    .write(directory.compileSetupFile());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the dev server's classpath under " + directory.path()
                    + ": " + FailureText.of(e), e);
        }
    }
}
