package dev.wavecraft.maven.warm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where and how the warm build JVM starts.
 *
 * @param java the launcher of the JDK running Maven
 * @param jvmOptions options for the worker JVM ({@code .mvn/jvm.config}, MAVEN_OPTS, the JIT tier)
 * @param configurationFile where the worker's classworlds configuration is written
 * @param multiModuleProjectDirectory what Maven's own script would pass as such
 */
public record WorkerSpec(Path java, List<String> jvmOptions, Path mavenHome, Path projectDirectory,
        Path configurationFile, Path multiModuleProjectDirectory) {

    public WorkerSpec {
        jvmOptions = List.copyOf(jvmOptions);
    }

    List<String> command() throws WarmMavenUnavailable, IOException {
        Path configuration = WorkerLaunch.writeConfiguration(mavenHome, configurationFile);
        return WorkerLaunch.command(java, jvmOptions, mavenHome, configuration, multiModuleProjectDirectory);
    }
}
