package dev.wavecraft.maven.incremental;

import java.nio.file.Path;
import java.util.Set;

/**
 * What a rebuild is for, as the fast compile path needs it.
 *
 * @param sources the changed, added and deleted files under the watched source roots
 * @param deleted every path that went, of any kind
 * @param pomChanged whether a POM of the dev loop changed
 */
public record SourceChanges(Set<Path> sources, Set<Path> deleted, boolean pomChanged) {

    public SourceChanges {
        sources = Set.copyOf(sources);
        deleted = Set.copyOf(deleted);
    }
}
