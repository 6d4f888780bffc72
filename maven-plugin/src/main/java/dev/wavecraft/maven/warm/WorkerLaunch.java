package dev.wavecraft.maven.warm;

import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to start the warm build JVM the way Maven's own {@code bin/mvn} starts Maven: the same
 * classworlds launcher and core realm, with {@link WarmMavenWorker} as the main class.
 */
final class WorkerLaunch {

    static final String MAVEN_MAIN = "main is org.apache.maven.cli.MavenCli from plexus.core";
    private static final Pattern CORE_REALM = Pattern.compile("\\s*\\[plexus\\.core\\]\\s*");

    private WorkerLaunch() {
    }

    /**
     * Maven's {@code bin/m2.conf} with the worker as main class and {@code workerJar} in the core
     * realm.
     *
     * @throws WarmMavenUnavailable when the configuration is not that of a Maven 3 CLI
     */
    static String classworldsConfiguration(String mavenConf, Path workerJar) throws WarmMavenUnavailable {
        List<String> lines = new ArrayList<>();
        boolean mainReplaced = false;
        boolean jarAdded = false;
        for (String line : mavenConf.split("\\R")) {
            if (line.trim().equals(MAVEN_MAIN)) {
                lines.add("main is " + WarmMavenWorker.class.getName() + " from plexus.core");
                mainReplaced = true;
            } else {
                lines.add(line);
            }
            if (CORE_REALM.matcher(line).matches()) {
                lines.add("load " + workerJar);
                jarAdded = true;
            }
        }
        if (!mainReplaced || !jarAdded) {
            throw new WarmMavenUnavailable("this Maven's bin/m2.conf does not start " + "org.apache.maven.cli.MavenCli"
                    + " from plexus.core (Maven 4 or a customised installation)");
        }
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /**
     * The worker's command line.
     *
     * @param jvmOptions options for the worker JVM (JIT tier, {@code .mvn/jvm.config}, MAVEN_OPTS)
     * @param configuration the file holding {@link #classworldsConfiguration}
     */
    static List<String> command(Path java, List<String> jvmOptions, Path mavenHome, Path configuration,
            Path multiModuleProjectDirectory) throws WarmMavenUnavailable {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-classpath");
        command.add(classworldsJar(mavenHome).toString());
        command.add("-Dclassworlds.conf=" + configuration);
        command.add("-Dmaven.home=" + mavenHome);
        command.add("-Dlibrary.jansi.path=" + mavenHome.resolve("lib").resolve("jansi-native"));
        command.add("-Dmaven.multiModuleProjectDirectory=" + multiModuleProjectDirectory);
        command.add("org.codehaus.plexus.classworlds.launcher.Launcher");
        return command;
    }

    /** Writes the worker's classworlds configuration to {@code file}. */
    static Path writeConfiguration(Path mavenHome, Path file) throws WarmMavenUnavailable, IOException {
        Path mavenConf = mavenHome.resolve("bin").resolve("m2.conf");
        if (!Files.isRegularFile(mavenConf)) {
            throw new WarmMavenUnavailable("there is no " + mavenConf);
        }
        String configuration = classworldsConfiguration(Files.readString(mavenConf, StandardCharsets.UTF_8), workerJar());
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, configuration, StandardCharsets.UTF_8);
    }

    private static Path workerJar() throws WarmMavenUnavailable {
        try {
            return Path.of(WarmMavenWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new WarmMavenUnavailable("the plugin's own jar cannot be located (" + FailureText.of(e) + ")");
        }
    }

    private static Path classworldsJar(Path mavenHome) throws WarmMavenUnavailable {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(mavenHome.resolve("boot"), "plexus-classworlds-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            // Reported below like a missing jar.
        }
        throw new WarmMavenUnavailable("there is no plexus-classworlds jar in " + mavenHome.resolve("boot"));
    }
}
