package dev.wavecraft.maven.rebuild;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the reload loop finds the project's files.
 *
 * @param classpathFile the file the server reads the classpath from, rewritten after a POM change
 * @param uiDirectory the user's own UI folder, served under {@code /ui/}
 */
public record ProjectLayout(Path directory, Path pom, Path classpathFile, Optional<Path> uiDirectory) {
}
