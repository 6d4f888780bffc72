package dev.wavecraft.maven.rebuild;

import dev.wavecraft.maven.watch.ChangeSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * One build to run: the files behind it, the widest kind of change among them, why it runs, and
 * when its first change was seen (the save, for the save-to-screen time).
 *
 * @param sources those of {@code files} under the source roots, for the compile to start from
 * @param deleted those of {@code files} that no longer exist
 */
record BuildRequest(Set<Path> files, ChangeSet.Kind kind, String trigger, Instant firstEventAt, Set<Path> sources,
        Set<Path> deleted) {

    static final String CHANGE = "change";
    static final String MANUAL = "manual";
    static final String WARM_UP = "warm-up";

    static BuildRequest of(ChangeSet changes) {
        return new BuildRequest(changes.all(), changes.kind(), CHANGE, changes.firstEventAt(), changes.sources(),
                changes.deleted());
    }

    static BuildRequest manual() {
        return new BuildRequest(Set.of(), ChangeSet.Kind.SOURCES, MANUAL, Instant.now(), Set.of(), Set.of());
    }

    /** A rebuild of {@code source} as it is, to warm the build path up before the first save. */
    static BuildRequest warmUp(Path source) {
        return new BuildRequest(Set.of(source), ChangeSet.Kind.SOURCES, WARM_UP, Instant.now(), Set.of(source),
                Set.of());
    }

    /** This request and a newer one as one build: all files, the wider kind, the earlier start. */
    BuildRequest merge(BuildRequest newer) {
        ChangeSet.Kind widest = breadth(kind) >= breadth(newer.kind) ? kind : newer.kind;
        Instant first = firstEventAt.isBefore(newer.firstEventAt) ? firstEventAt : newer.firstEventAt;
        return new BuildRequest(union(files, newer.files), widest, trigger.equals(newer.trigger) ? trigger : CHANGE,
                first, union(sources, newer.sources), union(deleted, newer.deleted));
    }

    private static Set<Path> union(Set<Path> some, Set<Path> more) {
        Set<Path> all = new TreeSet<>(some);
        all.addAll(more);
        return all;
    }

    /** How much of the build a kind of change needs: resources only, then sources, then the classpath too. */
    private static int breadth(ChangeSet.Kind kind) {
        switch (kind) {
            case POM:
                return 2;
            case SOURCES:
                return 1;
            default:
                return 0;
        }
    }
}
