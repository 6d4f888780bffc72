package dev.wavecraft.maven.incremental;

import java.nio.file.Path;
import java.util.List;

/** A source file and the class files compiled from it. */
public record CompiledSource(Path source, List<Path> classFiles) {

    public CompiledSource {
        classFiles = List.copyOf(classFiles);
    }
}
