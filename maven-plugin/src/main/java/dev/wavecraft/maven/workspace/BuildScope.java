package dev.wavecraft.maven.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where rebuilds run: the top-level POM of the processor module's multi-module project, selecting
 * that module and the local modules it depends on ({@code -pl <module> -am}), so that a local
 * module is built from its sources and found in the reactor, never as a jar in the local
 * repository. A module that is its own root builds alone.
 *
 * @param directory the top-level project's directory, which builds run in
 * @param pom the top-level POM
 * @param module the processor module's path relative to {@code directory}, absent when it is the root
 */
public record BuildScope(Path directory, Path pom, Optional<String> module) {

    /** The scope of the module whose POM is {@code modulePom}. */
    public static BuildScope of(Path modulePom) {
        Path moduleDirectory = modulePom.toAbsolutePath().normalize().getParent();
        Path root = ReactorRoot.above(moduleDirectory);
        if (root.equals(moduleDirectory)) {
            return new BuildScope(root, modulePom.toAbsolutePath().normalize(), Optional.empty());
        }
        return new BuildScope(root, root.resolve("pom.xml"),
                Optional.of(root.relativize(moduleDirectory).toString().replace('\\', '/')));
    }

    /**
     * What Maven's launcher would take as the multi-module project directory for a build of
     * {@link #pom()}: the nearest directory at or above it with a {@code .mvn} folder, else its own.
     */
    public Path multiModuleDirectory() {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".mvn"))) {
                return dir;
            }
        }
        return directory;
    }
}
