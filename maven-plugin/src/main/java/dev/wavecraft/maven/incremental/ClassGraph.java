package dev.wavecraft.maven.incremental;

import dev.wavecraft.maven.incremental.ClassFiles.ClassFile;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The compiled classes of the dev loop's modules as the fast path last knew them to be consistent:
 * each class with the file it was read from and its facts. A class's API here is the one the
 * classes that use it were compiled against.
 */
final class ClassGraph {

    /** A class as recorded: its file when it was read, and what was read. */
    record Node(ClassFile file, ClassFacts facts) {
    }

    private final Map<String, Node> nodes;

    private ClassGraph(Map<String, Node> nodes) {
        this.nodes = nodes;
    }

    /** Reads every class file of the modules. */
    static ClassGraph read(CompileSetup setup) throws IOException {
        Map<String, Node> nodes = new HashMap<>();
        for (ClassFile file : ClassFiles.scan(setup).values()) {
            nodes.put(file.name(), read(file));
        }
        return new ClassGraph(nodes);
    }

    static Node read(ClassFile file) throws IOException {
        try {
            return new Node(file, ClassFacts.read(Files.readAllBytes(file.path())));
        } catch (IOException e) {
            throw new IOException(file.path() + ": " + FailureText.of(e), e);
        }
    }

    Optional<Node> get(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    void put(Node node) {
        nodes.put(node.facts().name(), node);
    }

    void remove(String name) {
        nodes.remove(name);
    }

    Set<String> names() {
        return Set.copyOf(nodes.keySet());
    }

    /** A class whose file does not name its source (compiled with {@code -g:none}), if there is one. */
    Optional<String> unattributed() {
        return nodes.values().stream().filter(node -> node.facts().sourceFile() == null)
                .map(node -> node.facts().name()).findFirst();
    }

    /**
     * The classes that must be compiled again when the API of {@code changed} did: those that name
     * one of them, or one of their subtypes, through which a changed member is inherited.
     */
    Set<String> dependents(Set<String> changed) {
        Set<String> targets = withSubtypes(changed);
        Set<String> dependents = new TreeSet<>();
        for (Node node : nodes.values()) {
            if (node.facts().references().stream().anyMatch(targets::contains)) {
                dependents.add(node.facts().name());
            }
        }
        dependents.removeAll(changed);
        return dependents;
    }

    private Set<String> withSubtypes(Set<String> types) {
        Map<String, Set<String>> subtypes = new HashMap<>();
        for (Node node : nodes.values()) {
            for (String supertype : node.facts().supertypes()) {
                subtypes.computeIfAbsent(supertype, type -> new HashSet<>()).add(node.facts().name());
            }
        }
        Set<String> all = new HashSet<>(types);
        Deque<String> next = new ArrayDeque<>(types);
        while (!next.isEmpty()) {
            for (String subtype : subtypes.getOrDefault(next.pop(), Set.of())) {
                if (all.add(subtype)) {
                    next.push(subtype);
                }
            }
        }
        return all;
    }

    /** The simple names of every class recorded or named by one: what a new class could shadow. */
    Set<String> simpleNamesInUse() {
        Set<String> names = new HashSet<>();
        for (Node node : nodes.values()) {
            names.add(ClassFacts.simpleName(node.facts().name()));
            node.facts().references().forEach(reference -> names.add(ClassFacts.simpleName(reference)));
        }
        return names;
    }

    /** The class files compiled from {@code source}, a file under {@code root} of {@code module}. */
    List<Path> filesOf(CompiledModule module, Path root, Path source) {
        Path relative = root.relativize(source);
        String packagePath = relative.getParent() == null ? "" : relative.getParent().toString().replace('\\', '/');
        String fileName = relative.getFileName().toString();
        return nodes.values().stream()
                .filter(node -> node.file().module().equals(module))
                .filter(node -> fileName.equals(node.facts().sourceFile()))
                .filter(node -> node.facts().packagePath().equals(packagePath))
                .map(node -> node.file().path())
                .toList();
    }

    /** The source a recorded class was compiled from: its package's folder and SourceFile, in a root of its module. */
    Optional<Path> sourceOf(String name) {
        Node node = nodes.get(name);
        if (node == null || node.facts().sourceFile() == null) {
            return Optional.empty();
        }
        return node.file().module().roots().stream()
                .map(root -> root.resolve(node.facts().packagePath()).resolve(node.facts().sourceFile()))
                .filter(Files::isRegularFile)
                .findFirst();
    }
}
