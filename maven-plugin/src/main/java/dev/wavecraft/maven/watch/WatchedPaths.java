package dev.wavecraft.maven.watch;

import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * The path rules of one watcher: which root a path falls under, which files count at all, and,
 * as the file events' tree visitor, which directories are worth watching.
 */
final class WatchedPaths implements FileTreeVisitor {

    enum Origin { SOURCE, RESOURCE, UI, POM }

    /** Swap and backup files of vim and emacs, and the files of JetBrains' safe write. */
    private static final List<String> EDITOR_SUFFIXES =
            List.of(".swp", ".swo", "~", "___jb_tmp___", "___jb_old___", "___jb_bak___");
    /** Vim creates and deletes this file to test whether it may write to a directory. */
    private static final String VIM_PROBE = "4913";

    private final List<Path> sourceRoots;
    private final List<Path> uiRoots;
    private final List<Path> roots;
    private final List<Path> poms;
    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    WatchedPaths(WatchSettings settings) {
        this.sourceRoots = settings.sourceRoots();
        this.roots = new ArrayList<>(settings.sourceRoots());
        settings.resourceRoots().stream().filter(root -> !roots.contains(root)).forEach(roots::add);
        this.uiRoots = settings.uiRoots();
        uiRoots.stream().filter(root -> !roots.contains(root)).forEach(roots::add);
        this.poms = settings.poms();
        FileSystem fileSystem = settings.fileSystem();
        this.includes = settings.includes().stream().map(pattern -> glob(fileSystem, pattern)).toList();
        this.excludes = settings.excludes().stream().map(pattern -> glob(fileSystem, pattern)).toList();
    }

    /**
     * The file system's {@code glob:} matcher. As in Maven, a leading double star and slash also
     * matches at the top of the root ({@code **}{@code /*.java} matches {@code Gain.java}): it is
     * handed over as the glob group of that prefix or nothing.
     */
    static PathMatcher glob(FileSystem fileSystem, String pattern) {
        String glob = pattern.startsWith("**/") ? "{**/,}" + pattern.substring(3) : pattern;
        try {
            return fileSystem.getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid glob pattern '" + pattern + "': " + e.getDescription(), e);
        }
    }

    List<Path> roots() {
        return roots;
    }

    List<Path> poms() {
        return poms;
    }

    /** Where a path belongs: a POM, or the deepest root that contains it; null when it is under no root. */
    Origin originOf(Path path) {
        if (poms.contains(path)) {
            return Origin.POM;
        }
        Path root = rootOf(path);
        if (root == null) {
            return null;
        }
        if (sourceRoots.contains(root)) {
            return Origin.SOURCE;
        }
        return uiRoots.contains(root) ? Origin.UI : Origin.RESOURCE;
    }

    /** Whether a file at this path counts: a POM, or a file under a root that no rule ignores. */
    boolean isWatchedFile(Path path) {
        if (poms.contains(path)) {
            return true;
        }
        Path root = rootOf(path);
        if (root == null || path.equals(root)) {
            return false;
        }
        Path relative = root.relativize(path);
        if (hasIgnoredSegment(relative) || isEditorFile(relative.getFileName().toString())) {
            return false;
        }
        return (includes.isEmpty() || matchesAny(includes, relative)) && !matchesAny(excludes, relative);
    }

    /** Whether a directory is inside a root and not ignored, so it is watched and walked. */
    boolean isWatchedDirectory(Path dir) {
        Path root = rootOf(dir);
        return root != null && !hasIgnoredSegment(root.relativize(dir));
    }

    /** Every watched file that exists now: under the roots, and the POMs. */
    Set<Path> listFiles() throws IOException {
        Set<Path> files = new HashSet<>();
        for (Path root : roots) {
            recursiveVisitFiles(root, dir -> { }, files::add);
        }
        poms.stream().filter(Files::isRegularFile).forEach(files::add);
        return files;
    }

    /** The watched files under {@code start} (or {@code start} itself when it is a watched file). */
    Set<Path> listFiles(Path start) throws IOException {
        Set<Path> files = new HashSet<>();
        recursiveVisitFiles(start, dir -> { }, files::add);
        return files;
    }

    /**
     * Walks {@code start}, entering only directories worth watching (inside a root and not ignored,
     * on the way to a root, or holding a POM), and hands over watched files. Directories are visited
     * before their contents, so when {@code onDirectory} registers a watch, every file created after
     * the watch exists is an event and the walk lists every file created before. A directory gone
     * before {@code onDirectory} could take it is skipped: its deletion is an event of its own.
     */
    @Override
    public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile) throws IOException {
        if (!Files.isDirectory(start)) {
            if (Files.isRegularFile(start) && isWatchedFile(start)) {
                onFile.call(start);
            }
            return;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!isWatchedDirectory(dir) && !leadsToARoot(dir) && !holdsAPom(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                try {
                    onDirectory.call(dir);
                    return FileVisitResult.CONTINUE;
                } catch (NoSuchFileException e) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                boolean regular = attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file);
                if (regular && isWatchedFile(file)) {
                    onFile.call(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // Deleted or unreadable while we walked: a later event or rescan settles it.
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private boolean leadsToARoot(Path dir) {
        return roots.stream().anyMatch(root -> root.startsWith(dir) && !root.equals(dir));
    }

    private boolean holdsAPom(Path dir) {
        return poms.stream().anyMatch(pom -> dir.equals(pom.getParent()));
    }

    private Path rootOf(Path path) {
        Path deepest = null;
        for (Path root : roots) {
            if (path.startsWith(root) && (deepest == null || root.getNameCount() > deepest.getNameCount())) {
                deepest = root;
            }
        }
        return deepest;
    }

    private static boolean hasIgnoredSegment(Path relative) {
        for (Path segment : relative) {
            String name = segment.toString();
            if (name.equals("target") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEditorFile(String name) {
        return name.equals(VIM_PROBE) || EDITOR_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static boolean matchesAny(List<PathMatcher> matchers, Path relative) {
        return matchers.stream().anyMatch(matcher -> matcher.matches(relative));
    }
}
