package dev.wavecraft.maven.rebuild;

import dev.wavecraft.maven.watch.ChangeSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The goals a rebuild runs for each kind of change.
 *
 * @param sources after a source change (default {@code process-classes})
 * @param resources when only resources changed (default {@code process-resources})
 * @param classpathGoal added after a POM change, to resolve the classpath again
 */
public record BuildGoals(List<String> sources, List<String> resources, String classpathGoal) {

    /** Names the module whose classpath {@code classpathGoal} writes, in a build of several. */
    public static final String CLASSPATH_MODULE_PROPERTY = "wavecraft.classpathModule";

    public BuildGoals {
        sources = List.copyOf(sources);
        resources = List.copyOf(resources);
    }

    public List<String> forKind(ChangeSet.Kind kind) {
        switch (kind) {
            case POM:
                List<String> goals = new ArrayList<>(sources);
                goals.add(classpathGoal);
                return goals;
            case RESOURCES:
                return resources;
            default:
                return sources;
        }
    }
}
