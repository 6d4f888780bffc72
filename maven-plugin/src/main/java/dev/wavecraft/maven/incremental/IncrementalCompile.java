package dev.wavecraft.maven.incremental;

import dev.wavecraft.maven.incremental.ClassFiles.ClassFile;
import dev.wavecraft.maven.incremental.Pass.Mode;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.logging.Log;

/**
 * Compiles what changed and what depends on it, through the project's own build. Before a pass it
 * removes the classes of the sources to compile, so that maven-compiler-plugin, asked to compile
 * only stale sources, compiles exactly those, with the module's own configuration, against the
 * other classes where they are. After the pass it compares the API of every class written with
 * the one recorded in the {@link ClassGraph}; when one changed, the sources of the classes that
 * use it (or a subtype of it) are removed in turn and another pass runs, until no API changes.
 *
 * <p>Where that is not known to give what a full compile gives, the pass compiles whole modules
 * (every class removed first): after a POM change, a deleted or renamed source, a changed
 * {@code module-info.java}, a changed constant, a new class that may shadow another, or when a
 * whole compile failed and is still owed. And where it is not safe at all (annotation processors,
 * another compiler; see {@link CompilerCheck}), or before the classes were read, the compiler
 * plugin decides as it would without this. A failed pass leaves the sources it was to compile
 * owed to the next one. Used from the one build thread.
 */
public final class IncrementalCompile {

    private static final int MAX_PASSES = 5;

    private final Path setupFile;
    private final Log log;
    private CompileSetup setup;
    /** What the classes on disk were compiled against; null when not known. */
    private ClassGraph graph;
    private String reportedOff;
    private String wholeOwed;
    private final Set<Path> owed = new TreeSet<>();
    private Pass running;
    private Set<Path> compiling = Set.of();
    private Map<String, ClassFile> before = Map.of();
    private int passes;

    /** @param setupFile where the build writes the {@link CompileSetup} */
    public IncrementalCompile(Path setupFile, Log log) {
        this.setupFile = setupFile;
        this.log = log;
    }

    /** Reads the compiled modules and their classes as they are now, the state later passes compare with. */
    public void load() {
        long start = System.nanoTime();
        try {
            setup = CompileSetup.read(setupFile);
            graph = setup.compileWhole().isPresent() ? null : ClassGraph.read(setup);
            wholeOwed = null;
            owed.clear();
            log.debug("Read " + (graph == null ? 0 : graph.names().size()) + " compiled classes in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (IOException e) {
            graph = null;
            log.debug("No fast compile path until the next successful build: " + FailureText.of(e));
        }
    }

    /**
     * A source with compiled classes, and those classes' files, for a rebuild that warms the fast
     * path up on it; empty when the fast path is off.
     */
    public Optional<CompiledSource> warmUpSource() {
        if (fastPathOff().isPresent()) {
            return Optional.empty();
        }
        return graph.names().stream().sorted()
                .flatMap(name -> graph.sourceOf(name).stream())
                .flatMap(source -> setup.rootOf(source).stream().map(root -> new CompiledSource(source,
                        graph.filesOf(root.getKey(), root.getValue(), source))))
                .filter(compiled -> !compiled.classFiles().isEmpty())
                .findFirst();
    }

    /** The first pass of a rebuild for {@code changes}, its preparation done. */
    public Pass begin(SourceChanges changes) {
        passes = 1;
        Optional<String> off = fastPathOff();
        if (off.isPresent()) {
            return start(new Pass(Mode.MAVEN_DECIDES, off.get()), Set.of());
        }
        Optional<String> whole = wholeBecause(changes);
        if (whole.isPresent()) {
            return whole(whole.get());
        }
        Set<Path> sources = new TreeSet<>(owed);
        changes.sources().stream()
                .filter(source -> source.getFileName().toString().endsWith(".java"))
                .filter(source -> setup.rootOf(source).isPresent() && Files.isRegularFile(source))
                .forEach(sources::add);
        return fast(sources, sources.size() + " changed source(s)");
    }

    /** The pass that just ran succeeded: the next pass, or none when the classes are complete. */
    public Optional<Pass> next() {
        if (running.mode() != Mode.CHANGED_AND_DEPENDENTS) {
            load();
            return Optional.empty();
        }
        owed.clear();
        try {
            GraphUpdate update = GraphUpdate.apply(graph, before, ClassFiles.scan(setup));
            if (update.wholeBecause().isPresent()) {
                return Optional.of(whole(update.wholeBecause().get()));
            }
            Set<String> affected = graph.dependents(update.apiChanged());
            affected.removeAll(update.rewritten());
            if (affected.isEmpty()) {
                return Optional.empty();
            }
            if (++passes > MAX_PASSES) {
                return Optional.of(whole("the API kept changing after " + MAX_PASSES + " passes"));
            }
            Set<Path> sources = new TreeSet<>();
            for (String name : affected) {
                Optional<Path> source = graph.sourceOf(name);
                if (source.isEmpty()) {
                    return Optional.of(whole("the source of " + GraphUpdate.readable(name) + " is not known"));
                }
                sources.add(source.get());
            }
            return Optional.of(fast(sources, sources.size() + " source(s) using the changed API of "
                    + GraphUpdate.readable(update.apiChanged().iterator().next())));
        } catch (IOException e) {
            return Optional.of(whole("the compiled classes could not be read (" + FailureText.of(e) + ")"));
        }
    }

    /** The pass that just ran failed: what it was to compile is owed to the next rebuild. */
    public void failed() {
        owed.addAll(compiling);
        if (running.mode() == Mode.WHOLE_MODULES) {
            wholeOwed = running.reason();
        }
    }

    private Optional<String> fastPathOff() {
        if (setup == null || (graph == null && setup.compileWhole().isEmpty())) {
            return Optional.of("the compiled classes are not known yet");
        }
        Optional<String> off = setup.compileWhole().map(reason -> "whole modules compile because of " + reason)
                .or(() -> graph.unattributed().map(name -> GraphUpdate.readable(name) + " does not name its source"));
        off.filter(reason -> !reason.equals(reportedOff)).ifPresent(reason -> log.info("Changes compile as the"
                + " compiler plugin decides: " + reason + "."));
        reportedOff = off.orElse(null);
        return off;
    }

    private Optional<String> wholeBecause(SourceChanges changes) {
        if (wholeOwed != null) {
            return Optional.of(wholeOwed + " (a whole compile is still owed)");
        }
        if (changes.pomChanged()) {
            return Optional.of("a POM changed");
        }
        Optional<Path> deleted = changes.sources().stream().filter(changes.deleted()::contains).findFirst();
        if (deleted.isPresent()) {
            return Optional.of(deleted.get().getFileName() + " was deleted or renamed");
        }
        return changes.sources().stream().filter(source -> source.getFileName().toString().equals("module-info.java"))
                .findFirst().map(source -> source + " changed");
    }

    private Pass fast(Set<Path> sources, String reason) {
        try {
            for (Path source : sources) {
                Optional<Map.Entry<CompiledModule, Path>> root = setup.rootOf(source);
                if (root.isPresent()) {
                    for (Path file : graph.filesOf(root.get().getKey(), root.get().getValue(), source)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            before = ClassFiles.scan(setup);
        } catch (IOException e) {
            return whole("the classes of the changed sources could not be removed (" + FailureText.of(e) + ")");
        }
        return start(new Pass(Mode.CHANGED_AND_DEPENDENTS, reason), sources);
    }

    private Pass whole(String reason) {
        try {
            ClassFiles.deleteAll(setup);
        } catch (IOException e) {
            graph = null;
            return start(new Pass(Mode.MAVEN_DECIDES, "the classes could not be removed (" + FailureText.of(e) + ")"),
                    Set.of());
        }
        return start(new Pass(Mode.WHOLE_MODULES, reason), Set.of());
    }

    private Pass start(Pass pass, Set<Path> sources) {
        running = pass;
        compiling = Set.copyOf(sources);
        log.debug("Compile pass " + passes + ", " + pass.mode() + ": " + pass.reason());
        return pass;
    }
}
