package dev.wavecraft.maven.watch;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to watch and how patiently. Roots may not exist yet; the watcher picks them up when they
 * appear.
 *
 * @param sourceRoots   directories of sources, watched recursively
 * @param resourceRoots directories of resources, watched recursively
 * @param uiRoots       the user's own UI folders, watched recursively; their changes need no build
 * @param poms          the POMs of the project and its local modules; only these files of their directories count
 * @param quietPeriod   how long no relevant event must arrive before a change set is reported
 * @param maxWait       how long after a window's first event a report is forced, even if events keep coming
 * @param adaptive      whether the quiet period grows (up to eight times) while saves keep coming
 * @param includes      {@code glob:} patterns matched against the path relative to its root; empty means every file.
 *                      A leading {@code **}{@code /} also matches at the top of the root, as in Maven
 * @param excludes      {@code glob:} patterns of files to leave out, matched the same way
 */
public record WatchSettings(List<Path> sourceRoots, List<Path> resourceRoots, List<Path> uiRoots, List<Path> poms,
                            Duration quietPeriod, Duration maxWait, boolean adaptive,
                            List<String> includes, List<String> excludes) {

    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(25);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(2);

    public WatchSettings {
        sourceRoots = absolute(sourceRoots);
        resourceRoots = absolute(resourceRoots);
        uiRoots = absolute(uiRoots);
        poms = absolute(poms);
        if (poms.isEmpty()) {
            throw new IllegalArgumentException("At least one POM is watched");
        }
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(maxWait, "maxWait");
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("The quiet period must be positive, not " + quietPeriod);
        }
        if (maxWait.compareTo(quietPeriod) < 0) {
            throw new IllegalArgumentException(
                    "The maximum wait (" + maxWait + ") must not be shorter than the quiet period (" + quietPeriod + ")");
        }
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        // Fail on a bad pattern here, where the user's configuration is read, not later on the watcher thread.
        FileSystem fileSystem = poms.get(0).getFileSystem();
        includes.forEach(pattern -> WatchedPaths.glob(fileSystem, pattern));
        excludes.forEach(pattern -> WatchedPaths.glob(fileSystem, pattern));
    }

    /** The defaults: 25 ms quiet period, adaptive, at most 2 s of waiting, every file that is not ignored. */
    public static WatchSettings of(List<Path> sourceRoots, List<Path> resourceRoots, Path pom) {
        return of(sourceRoots, resourceRoots, List.of(pom));
    }

    /** The defaults for a project with local modules: every one's POM is watched. */
    public static WatchSettings of(List<Path> sourceRoots, List<Path> resourceRoots, List<Path> poms) {
        return new WatchSettings(sourceRoots, resourceRoots, List.of(), poms, DEFAULT_QUIET_PERIOD, DEFAULT_MAX_WAIT, true,
                List.of(), List.of());
    }

    public WatchSettings withUiRoots(List<Path> uiRoots) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, poms, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    public WatchSettings withQuietPeriod(Duration quietPeriod) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, poms, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    public WatchSettings withMaxWait(Duration maxWait) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, poms, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    public WatchSettings withAdaptive(boolean adaptive) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, poms, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    public WatchSettings withIncludes(List<String> includes) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, poms, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    public WatchSettings withExcludes(List<String> excludes) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, poms, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    /** The file system of the watched paths. */
    public FileSystem fileSystem() {
        return poms.get(0).getFileSystem();
    }

    private static List<Path> absolute(List<Path> roots) {
        return roots.stream().map(root -> root.toAbsolutePath().normalize()).distinct().toList();
    }
}
