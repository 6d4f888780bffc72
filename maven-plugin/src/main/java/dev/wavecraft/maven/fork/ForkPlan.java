package dev.wavecraft.maven.fork;

import dev.wavecraft.devserver.DevServerOptions;
import dev.wavecraft.devserver.processor.ProjectClasspath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything needed to fork the dev server.
 *
 * @param java the launcher to run
 * @param jvmArguments the user's JVM arguments, already split
 * @param runtimeClasspath the server's own jars
 * @param project the user's classes and dependencies, written to {@code options.classpathFile()}
 * @param options the server's settings
 * @param projectDirectory the working directory of the server
 * @param startupTimeout how long the server may take to report that it is ready
 */
public record ForkPlan(
        Path java,
        List<String> jvmArguments,
        List<Path> runtimeClasspath,
        ProjectClasspath project,
        DevServerOptions options,
        Path projectDirectory,
        Duration startupTimeout) {

    public ForkPlan {
        jvmArguments = List.copyOf(jvmArguments);
        runtimeClasspath = List.copyOf(runtimeClasspath);
    }

    /** The same server again on {@code port}, running {@code project}: a restart after a crash. */
    public ForkPlan restartedOn(int port, ProjectClasspath project) {
        return new ForkPlan(java, jvmArguments, runtimeClasspath, project,
                options.withHttp(options.http().withPort(port)), projectDirectory, startupTimeout);
    }
}
