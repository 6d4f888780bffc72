package dev.wavecraft.devserver.reload;

import dev.wavecraft.devserver.processor.ClassSnapshot;
import java.nio.file.Path;
import java.util.List;

/**
 * What a rollback needs of an earlier good generation: its classes and dependency jars, from which
 * it is loaded anew. Never its processor or class loader, which would keep it in memory.
 */
record RollbackPoint(int number, ClassSnapshot snapshot, List<Path> dependencies) {

    static RollbackPoint of(Generation generation) {
        return new RollbackPoint(generation.number(), generation.processor().snapshot(),
                generation.processor().dependencies());
    }
}
