package dev.wavecraft.maven.rebuild;

import dev.wavecraft.maven.incremental.CompiledSource;
import dev.wavecraft.maven.incremental.IncrementalCompile;
import dev.wavecraft.maven.incremental.Pass;
import dev.wavecraft.maven.incremental.SourceChanges;
import dev.wavecraft.maven.watch.ChangeSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the build a change needs: the goals for its kind, once, or, with the fast compile path,
 * once per compile pass (the changed sources, then those using an API that changed), all of it
 * reported as one build.
 */
final class ChangeBuilder implements AutoCloseable {

    /** How often {@link #warmUp} runs a save's path: enough for the JIT to compile what it runs. */
    static final int WARM_UP_ROUNDS = 3;

    private final Rebuilder rebuilder;
    private final BuildGoals goals;
    private final Optional<IncrementalCompile> incremental;

    /** @param incremental the fast compile path, absent when switched off */
    ChangeBuilder(Rebuilder rebuilder, BuildGoals goals, Optional<IncrementalCompile> incremental) {
        this.rebuilder = rebuilder;
        this.goals = goals;
        this.incremental = incremental;
    }

    /** The build before the server starts, as after a POM change but leaving the compile to Maven. */
    BuildResult firstBuild(boolean online) {
        return rebuilder.build(goals.forKind(ChangeSet.Kind.POM), online);
    }

    /** Reads the classes as they are now: the fast path starts from them. */
    void readClasses() {
        incremental.ifPresent(IncrementalCompile::load);
    }

    /** Lets the build JVM warm up on a typical source build. */
    void prepare() {
        rebuilder.prepare(goals.sources());
    }

    /**
     * Runs a save's path {@link #WARM_UP_ROUNDS} times on a source as it is (its classes removed
     * and compiled again, as after a save), so that the first real save finds the build JVM, the
     * compiler plugin and javac warm. The class files come out as they were; should a round fail
     * (the source was saved with an error meanwhile), they are put back as they were, and the build
     * of that save reports the error. Does nothing without the fast path.
     *
     * @return the source the path ran on, if it ran
     */
    Optional<Path> warmUp() {
        Optional<CompiledSource> compiled = incremental.flatMap(IncrementalCompile::warmUpSource);
        if (compiled.isEmpty()) {
            return Optional.empty();
        }
        Map<Path, byte[]> classes = new HashMap<>();
        try {
            for (Path file : compiled.get().classFiles()) {
                classes.put(file, Files.readAllBytes(file));
            }
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                if (!build(BuildRequest.warmUp(compiled.get().source())).succeeded()) {
                    for (Map.Entry<Path, byte[]> kept : classes.entrySet()) {
                        Files.write(kept.getKey(), kept.getValue());
                    }
                    break;
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // the first save's build meets the same file problem and reports it
        }
        return Optional.of(compiled.get().source());
    }

    BuildResult build(BuildRequest request) {
        List<String> goalsOfKind = goals.forKind(request.kind());
        boolean online = request.kind() == ChangeSet.Kind.POM;
        if (incremental.isEmpty() || request.kind() == ChangeSet.Kind.RESOURCES) {
            return rebuilder.build(goalsOfKind, online);
        }
        IncrementalCompile compile = incremental.get();
        Optional<Pass> pass = Optional.of(compile.begin(new SourceChanges(request.sources(), request.deleted(),
                request.kind() == ChangeSet.Kind.POM)));
        List<BuildResult> passes = new ArrayList<>();
        while (pass.isPresent()) {
            BuildResult result = rebuilder.build(goalsOfKind, online, pass.get().properties());
            passes.add(result);
            if (!result.succeeded()) {
                compile.failed();
                break;
            }
            pass = compile.next();
        }
        return asOne(passes);
    }

    /** The passes as one build: the time of all, the outcome and diagnostics of the last, every output. */
    private static BuildResult asOne(List<BuildResult> passes) {
        BuildResult last = passes.get(passes.size() - 1);
        if (passes.size() == 1) {
            return last;
        }
        long buildMs = passes.stream().mapToLong(BuildResult::buildMs).sum();
        String output = String.join("\n", passes.stream().map(BuildResult::output).toList());
        return new BuildResult(last.succeeded(), buildMs, last.diagnostics(), output, last.problem());
    }

    @Override
    public void close() {
        rebuilder.close();
    }
}
