package dev.wavecraft.maven.watch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the watcher reports after the quiet period. Paths are absolute.
 *
 * <p>{@code sources}, {@code resources} and {@code ui} hold every affected path under a source
 * root, a resource root or a UI folder, whether it was added, modified or deleted, so that
 * {@link #kind()} can tell a deleted source from a deleted resource; {@code poms} holds the POMs
 * that changed or went; {@code deleted} says which of them all no longer exist. {@code firstEventAt} is when the first event
 * of the window arrived, the start of the save-to-screen time.
 */
public record ChangeSet(Set<Path> sources, Set<Path> resources, Set<Path> ui, Set<Path> poms, Set<Path> deleted,
                        Instant firstEventAt) {

    public enum Kind { SOURCES, RESOURCES, POM, UI }

    public ChangeSet {
        sources = sorted(sources);
        resources = sorted(resources);
        ui = sorted(ui);
        poms = sorted(poms);
        deleted = sorted(deleted);
        Objects.requireNonNull(firstEventAt, "firstEventAt");
    }

    /** A change set without UI files. */
    public ChangeSet(Set<Path> sources, Set<Path> resources, Set<Path> poms, Set<Path> deleted,
            Instant firstEventAt) {
        this(sources, resources, Set.of(), poms, deleted, firstEventAt);
    }

    /**
     * POM if the POM changed (it may change the classpath), else SOURCES if any source was touched,
     * else RESOURCES if any resource was, else UI.
     */
    public Kind kind() {
        if (pomChanged()) {
            return Kind.POM;
        }
        if (!sources.isEmpty()) {
            return Kind.SOURCES;
        }
        return resources.isEmpty() && !ui.isEmpty() ? Kind.UI : Kind.RESOURCES;
    }

    /** Whether anything besides UI files changed, so that a build is needed. */
    public boolean needsBuild() {
        return kind() != Kind.UI;
    }

    /** The same changes less the UI files, which need no build. */
    public ChangeSet withoutUi() {
        SortedSet<Path> deletedOutsideUi = new TreeSet<>(deleted);
        deletedOutsideUi.removeAll(ui);
        return new ChangeSet(sources, resources, Set.of(), poms, deletedOutsideUi, firstEventAt);
    }

    /** Whether a POM of the project or of a local module changed (or went). */
    public boolean pomChanged() {
        return !poms.isEmpty();
    }

    /** Every changed or deleted path, the POMs included, sorted. */
    public Set<Path> all() {
        SortedSet<Path> all = new TreeSet<>(sources);
        all.addAll(resources);
        all.addAll(ui);
        all.addAll(poms);
        all.addAll(deleted);
        return Collections.unmodifiableSortedSet(all);
    }

    private static Set<Path> sorted(Set<Path> paths) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(paths)));
    }
}
