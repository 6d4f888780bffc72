package dev.wavecraft.maven.incremental;

import dev.wavecraft.maven.incremental.ClassFiles.ClassFile;
import dev.wavecraft.maven.incremental.ClassGraph.Node;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * After a pass that compiled some sources: records every class file written since the graph last
 * read it, and says whose API changed for the classes that use it. Some changes reach classes no
 * constant pool names, and only a whole compile is safe after them: a changed or removed constant
 * (its value was copied into its users), a new class whose simple name is already in use (it may
 * shadow the class that name meant), a class that moved to another source file.
 *
 * @param wholeBecause why only a whole compile is safe now, if it is not
 * @param apiChanged the classes whose API changed or that are gone
 * @param rewritten the classes this pass wrote, which saw every change it made
 */
record GraphUpdate(Optional<String> wholeBecause, Set<String> apiChanged, Set<String> rewritten) {

    /**
     * @param before the class files as the pass began
     * @param after the class files now
     */
    static GraphUpdate apply(ClassGraph graph, Map<String, ClassFile> before, Map<String, ClassFile> after)
            throws IOException {
        Set<String> rewritten = new TreeSet<>();
        after.forEach((name, file) -> {
            ClassFile earlier = before.get(name);
            if (earlier == null || !earlier.stamp().equals(file.stamp())) {
                rewritten.add(name);
            }
        });
        Set<String> namesInUse = null;
        Set<String> apiChanged = new TreeSet<>();
        for (ClassFile file : after.values()) {
            Optional<Node> old = graph.get(file.name());
            if (old.isPresent() && old.get().file().stamp().equals(file.stamp())) {
                continue;
            }
            Node node = ClassGraph.read(file);
            ClassFacts facts = node.facts();
            if (old.isEmpty()) {
                namesInUse = namesInUse == null ? graph.simpleNamesInUse() : namesInUse;
                if (!facts.nested() && namesInUse.contains(ClassFacts.simpleName(facts.name()))) {
                    return whole("the new class " + readable(facts.name()) + " has the simple name of a class in use");
                }
            } else {
                ClassFacts was = old.get().facts();
                if (!was.constants().equals(facts.constants())) {
                    return whole("a constant of " + readable(facts.name()) + " changed");
                }
                if (!Objects.equals(was.sourceFile(), facts.sourceFile())) {
                    return whole(readable(facts.name()) + " moved to " + facts.sourceFile());
                }
                if (!was.abi().equals(facts.abi())) {
                    apiChanged.add(facts.name());
                }
            }
            graph.put(node);
        }
        for (String name : graph.names()) {
            if (!after.containsKey(name)) {
                boolean hadConstants = graph.get(name).orElseThrow().facts().hasConstants();
                if (hadConstants) {
                    return whole(readable(name) + ", which had constants, is gone");
                }
                graph.remove(name);
                apiChanged.add(name);
            }
        }
        return new GraphUpdate(Optional.empty(), apiChanged, rewritten);
    }

    private static GraphUpdate whole(String reason) {
        return new GraphUpdate(Optional.of(reason), Set.of(), Set.of());
    }

    /** {@code com.example.Outer$Inner}. */
    static String readable(String internalName) {
        return internalName.replace('/', '.');
    }
}
