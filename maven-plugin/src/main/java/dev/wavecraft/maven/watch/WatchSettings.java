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
 * @param pom           the project's POM; only this file of its directory counts
 * @param quietPeriod   how long no relevant event must arrive before a change set is reported
 * @param maxWait       how long after a window's first event a report is forced, even if events keep coming
 * @param adaptive      whether the quiet period grows (up to four times) while saves keep coming
 * @param includes      {@code glob:} patterns matched against the path relative to its root; empty means every file.
 *                      A leading {@code **}{@code /} also matches at the top of the root, as in Maven
 * @param excludes      {@code glob:} patterns of files to leave out, matched the same way
 */
public record WatchSettings(List<Path> sourceRoots, List<Path> resourceRoots, List<Path> uiRoots, Path pom,
                            Duration quietPeriod, Duration maxWait, boolean adaptive,
                            List<String> includes, List<String> excludes) {

    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(2);

    public WatchSettings {
        sourceRoots = absolute(sourceRoots);
        resourceRoots = absolute(resourceRoots);
        uiRoots = absolute(uiRoots);
        pom = Objects.requireNonNull(pom, "pom").toAbsolutePath().normalize();
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
        FileSystem fileSystem = pom.getFileSystem();
        includes.forEach(pattern -> WatchedPaths.glob(fileSystem, pattern));
        excludes.forEach(pattern -> WatchedPaths.glob(fileSystem, pattern));
    }

    /** The defaults: 100 ms quiet period, adaptive, at most 2 s of waiting, every file that is not ignored. */
    public static WatchSettings of(List<Path> sourceRoots, List<Path> resourceRoots, Path pom) {
        return new WatchSettings(sourceRoots, resourceRoots, List.of(), pom, DEFAULT_QUIET_PERIOD, DEFAULT_MAX_WAIT, true,
                List.of(), List.of());
    }

    public WatchSettings withUiRoots(List<Path> uiRoots) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, pom, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    public WatchSettings withQuietPeriod(Duration quietPeriod) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, pom, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    public WatchSettings withMaxWait(Duration maxWait) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, pom, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    public WatchSettings withAdaptive(boolean adaptive) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, pom, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    public WatchSettings withIncludes(List<String> includes) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, pom, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    public WatchSettings withExcludes(List<String> excludes) {
        return new WatchSettings(sourceRoots, resourceRoots, uiRoots, pom, quietPeriod, maxWait, adaptive, includes, excludes);
    }

    private static List<Path> absolute(List<Path> roots) {
        return roots.stream().map(root -> root.toAbsolutePath().normalize()).distinct().toList();
    }
}
