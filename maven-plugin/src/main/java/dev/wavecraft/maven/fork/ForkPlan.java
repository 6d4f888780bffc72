package dev.wavecraft.maven.fork;

import dev.wavecraft.protocol.classpath.ProjectClasspath;
import dev.wavecraft.protocol.options.DevServerOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything needed to fork the dev server.
 *
 * @param jvm the JVM to fork
 * @param project the user's classes and dependencies, written to {@code options.classpathFile()}
 * @param options the server's settings
 * @param startupTimeout how long the server may take to report that it is ready
 */
public record ForkPlan(
        JvmPlan jvm,
        ProjectClasspath project,
        DevServerOptions options,
        Duration startupTimeout) {

    /** The same server again on {@code port}, running {@code project}: a restart after a crash. */
    public ForkPlan restartedOn(int port, ProjectClasspath project) {
        return new ForkPlan(jvm, project, options.withHttp(options.http().withPort(port)), startupTimeout);
    }

    /** The same server keeping its reload history in {@code directory}, where a restarted one finds it. */
    public ForkPlan keepingStateIn(Path directory) {
        return new ForkPlan(jvm, project, options.withStateDirectory(directory), startupTimeout);
    }
}
