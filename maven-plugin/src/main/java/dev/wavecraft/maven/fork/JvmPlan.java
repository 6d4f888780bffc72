package dev.wavecraft.maven.fork;

import dev.wavecraft.protocol.launch.EntryPoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of the runtime as every goal forks it: the same launcher, JVM options and classpath for
 * the dev server and the renderer.
 *
 * @param java the launcher to run, the {@code jdk} toolchain's when the build selects one
 * @param jvmArguments the user's JVM arguments, already split
 * @param runtimeClasspath the runtime's own jars
 * @param workingDirectory the project's directory
 * @param argFile where the runtime's classpath is written for {@code java @argfile} (no length limit
 *     on any OS, and a file a user can read when a class is not found)
 */
public record JvmPlan(Path java, List<String> jvmArguments, List<Path> runtimeClasspath, Path workingDirectory,
        Path argFile) {

    private static final int FIRST_JDK_WARNING_ABOUT_UNSAFE = 24;

    public JvmPlan {
        jvmArguments = List.copyOf(jvmArguments);
        runtimeClasspath = List.copyOf(runtimeClasspath);
    }

    /** The command line that starts {@code mainClass} with {@code arguments}; writes the argfile. */
    public List<String> command(String mainClass, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        if (JavaExecutable.featureVersion(java) >= FIRST_JDK_WARNING_ABOUT_UNSAFE) {
            // Undertow's thread pool still uses sun.misc.Unsafe; without this, JDK 24+ warns at every start.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(EntryPoints.JVM_OPTIONS);
        command.addAll(jvmArguments);
        command.add(ArgFile.writeClasspath(argFile, runtimeClasspath));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }
}
