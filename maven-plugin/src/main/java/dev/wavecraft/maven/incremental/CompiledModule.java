package dev.wavecraft.maven.incremental;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One module of the dev loop as its compile saw it. Paths are kept as absolute strings, the same
 * on every platform's JSON.
 *
 * @param name the artifactId, for messages
 * @param outputDirectory where its classes go, {@code target/classes}
 * @param sourceRoots every compile source root, generated ones included
 * @param compileWhole why only a whole-module compile is safe for it, or null when the fast path is
 */
public record CompiledModule(String name, String outputDirectory, List<String> sourceRoots, String compileWhole) {

    public CompiledModule {
        sourceRoots = List.copyOf(sourceRoots);
    }

    Path classes() {
        return Path.of(outputDirectory);
    }

    List<Path> roots() {
        return sourceRoots.stream().map(Path::of).toList();
    }

    /** The root that holds {@code source}, the deepest when roots nest. */
    Optional<Path> rootOf(Path source) {
        return roots().stream().filter(source::startsWith)
                .max((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()));
    }
}
