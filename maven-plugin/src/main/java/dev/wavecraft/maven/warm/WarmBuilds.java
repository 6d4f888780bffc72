package dev.wavecraft.maven.warm;

import java.io.PrintStream;
import java.util.Properties;
import org.apache.maven.cli.KeptContainerCli;
import org.apache.maven.eventspy.EventSpy;
import org.apache.maven.repository.internal.ModelCacheFactory;
import org.apache.maven.settings.building.SettingsBuilder;
import org.codehaus.plexus.PlexusContainer;
import org.codehaus.plexus.classworlds.ClassWorld;

/**
 * The warm worker's builds, one after another, in the Maven container kept from earlier builds
 * while {@link ContainerReuse} finds it safe, else in a new one. Each build's outcome says which,
 * and why.
 */
final class WarmBuilds {

    private final ContainerReuse reuse = new ContainerReuse();
    private final KeptContainerCli maven;
    /** The kept container's model cache; null with a Maven older than 3.9, which has no way to plug one in. */
    private KeptModelCache models;
    private KeptSettings settings;
    private int builds;

    WarmBuilds(ClassWorld world) {
        maven = new KeptContainerCli(world, this::addTo);
    }

    /** The build's exit code, and a note on the container it ran in. */
    record Outcome(int exitCode, String containerNote) {
    }

    /** Runs one build; its output goes to {@code out}. */
    Outcome run(WarmRequest request, PrintStream out) {
        String newContainerBecause = maven.hasContainer() ? reuse.staleBecause().orElse(null)
                : builds == 0 ? "the first build" : "the last build kept none";
        if (newContainerBecause != null) {
            maven.dropContainer();
        }
        builds++;
        int exitCode = build(request, out);
        reuse.afterBuild(maven.realmsMade());
        return new Outcome(exitCode, containerNote(newContainerBecause));
    }

    private int build(WarmRequest request, PrintStream out) {
        // As mvnd does: a build's system properties (Maven sets its -D ones there) end with it.
        Properties systemProperties = (Properties) System.getProperties().clone();
        try {
            return maven.build(request.arguments(), request.workingDirectory());
        } catch (RuntimeException | LinkageError e) {
            e.printStackTrace(out);
            maven.dropContainer();
            return 1;
        } finally {
            System.setProperties(systemProperties);
        }
    }

    private String containerNote(String newContainerBecause) {
        if (maven.reusedContainer()) {
            return "build " + maven.buildsInContainer() + " in the kept Maven container"
                    + (models != null ? ", " + models.size() + " released POM models kept" : "")
                    + ", settings read in " + settings.reads() + " of " + maven.buildsInContainer() + " builds";
        }
        return newContainerBecause != null ? "a new Maven container: " + newContainerBecause
                : "no Maven container: the build stopped before it";
    }

    /** What every new container gets: the spy that decides on its reuse, and the caches that outlive builds. */
    private void addTo(PlexusContainer container) {
        container.addComponent(reuse, EventSpy.class, ContainerReuse.class.getName());
        settings = new KeptSettings();
        container.addComponent(settings, SettingsBuilder.class, "default");
        try {
            models = new KeptModelCache();
            container.addComponent(models, ModelCacheFactory.class, "default");
        } catch (LinkageError e) {
            // No ModelCacheFactory before Maven 3.9: models are read again each build, as in a fresh Maven.
            models = null;
        }
    }
}
