package dev.wavecraft.devserver.reload.retire;

import java.util.Optional;
import java.util.Set;

/**
 * The class loaders a retirement lets go: the generation's own, and the loader of its dependency
 * jars when its successor does not share it.
 */
public record RetiredLoaders(ClassLoader generation, Optional<ClassLoader> dependencies) {

    public boolean contains(ClassLoader loader) {
        return loader != null && (loader == generation || dependencies.filter(own -> own == loader).isPresent());
    }

    /** Both as a set, for code that runs inside the generation and knows JDK types only. */
    Set<ClassLoader> asSet() {
        return dependencies.map(own -> Set.of(generation, own)).orElse(Set.of(generation));
    }
}
