package dev.wavecraft.maven.rebuild;

import dev.wavecraft.maven.watch.WatchSettings;
import dev.wavecraft.maven.workspace.LocalModules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code run} and {@code start} hand the hot-reload side, read from their parameters: what to
 * watch and how long to wait for quiet, how to build, and how long a reload may take.
 *
 * @param watchDirectories folders besides the source and resource roots that plugins turn into
 *     sources, already resolved against the project
 * @param uiDirectory the user's UI folder, when it exists
 * @param warmBuild whether rebuilds run in one Maven JVM kept warm
 * @param incremental whether rebuilds compile only what changed and what depends on it, where that is safe
 */
public record HotReloadSettings(
        Duration quietPeriod,
        Duration maxWait,
        boolean adaptiveDebounce,
        List<String> includes,
        List<String> excludes,
        List<Path> watchDirectories,
        Optional<Path> uiDirectory,
        boolean warmBuild,
        boolean incremental,
        BuildGoals goals,
        Duration buildTimeout,
        Duration reloadTimeout) {

    public HotReloadSettings {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        watchDirectories = List.copyOf(watchDirectories);
    }

    /**
     * Every compile source root and resource root of the modules (those under their build
     * directories excepted: generated sources are outputs; their inputs are watched), the folders
     * plugins turn into sources, the {@code watchDirectories}, the POMs and the UI folder.
     */
    public WatchSettings watchSettings(LocalModules modules) {
        List<Path> sourceRoots = new ArrayList<>(modules.sourceRoots());
        sourceRoots.addAll(modules.inputRoots());
        sourceRoots.addAll(watchDirectories);
        return WatchSettings.of(sourceRoots, modules.resourceRoots(), modules.poms())
                .withUiRoots(uiDirectory.stream().toList())
                .withQuietPeriod(quietPeriod)
                .withMaxWait(maxWait.compareTo(quietPeriod) < 0 ? quietPeriod : maxWait)
                .withAdaptive(adaptiveDebounce)
                .withIncludes(includes)
                .withExcludes(excludes);
    }
}
