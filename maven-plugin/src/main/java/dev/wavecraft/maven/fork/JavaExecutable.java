package dev.wavecraft.maven.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;

/** The {@code java} launcher for the forked server: the toolchain's when one is set, else the JDK running Maven. */
public final class JavaExecutable {

    private JavaExecutable() {
    }

    /**
     * @param toolchainJava the {@code java} of the project's JDK toolchain, if one is configured
     * @param javaHome the {@code java.home} of the JVM running Maven
     * @param osName the {@code os.name} system property
     */
    public static Path find(Optional<String> toolchainJava, String javaHome, String osName)
            throws MojoFailureException {
        if (toolchainJava.isPresent()) {
            return existing(Path.of(toolchainJava.get()), "the JDK toolchain");
        }
        String launcher = osName.toLowerCase(Locale.ROOT).startsWith("windows") ? "java.exe" : "java";
        return existing(Path.of(javaHome, "bin", launcher), "java.home (" + javaHome + ")");
    }

    /**
     * The feature version (17, 21, 25, ...) of the JDK that {@code java} belongs to, from its
     * {@code release} file, or 0 when that cannot be read.
     */
    public static int featureVersion(Path java) {
        Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unusual JDK layout: treat the version as unknown.
        }
        return 0;
    }

    private static Path existing(Path java, String source) throws MojoFailureException {
        if (!Files.isExecutable(java)) {
            throw new MojoFailureException("No Java launcher at " + java + ", taken from " + source
                    + ". Point JAVA_HOME at a JDK 17 or newer, or fix the jdk entry in ~/.m2/toolchains.xml.");
        }
        return java;
    }
}
