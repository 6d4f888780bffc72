package org.apache.maven.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.maven.cli.event.DefaultEventSpyContext;
import org.apache.maven.eventspy.internal.EventSpyDispatcher;
import org.apache.maven.project.artifact.ProjectArtifactsCache;
import org.codehaus.plexus.DefaultPlexusContainer;
import org.codehaus.plexus.PlexusContainer;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.classworlds.realm.NoSuchRealmException;
import org.codehaus.plexus.component.repository.exception.ComponentLookupException;

/**
 * Maven's own command line, run once per build, with one Plexus container kept from build to
 * build as Maven Daemon (mvnd) keeps it: its plugin realms and their loaded classes, plugin
 * descriptors, core extensions and singleton components stay, while MavenCli's per-build steps
 * (arguments, properties, logging, settings, toolchains, the execution request) run for every
 * build as in {@code mvn}. The container goes only when {@link #dropContainer()} says so.
 *
 * <p>It lives in MavenCli's package because the step that makes the container, {@code
 * container(CliRequest)}, is package-private there (the same from Maven 3.6.3 to 3.9.x); everything
 * else is MavenCli's own code.
 */
public final class KeptContainerCli extends MavenCli {

    private final ClassWorld world;
    private final Set<String> realmsAtStart = new HashSet<>();
    private final Consumer<PlexusContainer> additions;
    private DefaultPlexusContainer kept;
    private int buildsInContainer;
    private boolean reused;

    /**
     * @param additions given every container this makes before Maven looks anything up in it, to
     *     add components of its own (an event spy, a cache)
     */
    public KeptContainerCli(ClassWorld world, Consumer<PlexusContainer> additions) {
        super(world);
        this.world = world;
        this.additions = additions;
        world.getRealms().forEach(realm -> realmsAtStart.add(realm.getId()));
    }

    /** Runs one build, as {@code mvn} would with {@code arguments} in {@code workingDirectory}; returns its exit code. */
    public int build(List<String> arguments, String workingDirectory) {
        CliRequest request = new CliRequest(arguments.toArray(String[]::new), world);
        request.workingDirectory = workingDirectory;
        reused = false;
        try {
            return doMain(request);
        } finally {
            if (kept == null) {
                // A container that failed half-way may have left realms, e.g. its extensions' ones.
                dropContainer();
            } else {
                forgetResolvedDependencies();
            }
        }
    }

    /** Whether a container is kept for the next build. */
    public boolean hasContainer() {
        return kept != null;
    }

    /** Whether the last build ran in a container that an earlier build made. */
    public boolean reusedContainer() {
        return reused;
    }

    /** How many builds the kept container has served, the last one included. */
    public int buildsInContainer() {
        return buildsInContainer;
    }

    /** The realms made since the worker started: those of the kept container's plugins and extensions. */
    public List<ClassRealm> realmsMade() {
        return world.getRealms().stream().filter(realm -> !realmsAtStart.contains(realm.getId())).toList();
    }

    /** Ends the kept container and every realm it made; the next build makes a new one. */
    public void dropContainer() {
        DefaultPlexusContainer container = kept;
        kept = null;
        buildsInContainer = 0;
        if (container != null) {
            container.dispose();
        }
        for (ClassRealm realm : realmsMade()) {
            try {
                world.disposeRealm(realm.getId());
            } catch (NoSuchRealmException e) {
                // Already gone with the container.
            }
        }
    }

    @Override
    PlexusContainer container(CliRequest cliRequest) throws Exception {
        if (kept == null) {
            // MavenCli makes a DefaultPlexusContainer, and needs that type for its log levels too.
            kept = (DefaultPlexusContainer) super.container(cliRequest);
        } else {
            reused = true;
            prepareForBuild(kept, cliRequest);
        }
        buildsInContainer++;
        return undisposable(kept);
    }

    @Override
    protected void customizeContainer(PlexusContainer container) {
        additions.accept(container);
    }

    /** The per-build part of MavenCli's container step: class loader, log level, event spies. */
    private static void prepareForBuild(DefaultPlexusContainer container, CliRequest cliRequest)
            throws ComponentLookupException {
        Thread.currentThread().setContextClassLoader(container.getContainerRealm());
        container.getLoggerManager().setThresholds(cliRequest.request.getLoggingLevel());
        DefaultEventSpyContext context = new DefaultEventSpyContext();
        Map<String, Object> data = context.getData();
        data.put("plexus", container);
        data.put("workingDirectory", cliRequest.workingDirectory);
        data.put("systemProperties", cliRequest.systemProperties);
        data.put("userProperties", cliRequest.userProperties);
        data.put("versionProperties", CLIReportingUtils.getBuildProperties());
        container.lookup(EventSpyDispatcher.class).init(context);
    }

    /**
     * Maven caches the resolved dependencies of the projects it builds, failures included, under a
     * key that does not see a dependency's own POM; mvnd drops those of the built projects after
     * each build, and so does this.
     */
    private void forgetResolvedDependencies() {
        try {
            kept.lookup(ProjectArtifactsCache.class).flush();
        } catch (ComponentLookupException e) {
            dropContainer();
        }
    }

    /** MavenCli disposes the container at the end of every build: this one it cannot. */
    private static PlexusContainer undisposable(PlexusContainer container) {
        return (PlexusContainer) Proxy.newProxyInstance(PlexusContainer.class.getClassLoader(),
                new Class<?>[] {PlexusContainer.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("dispose")) {
                        return null;
                    }
                    try {
                        return method.invoke(container, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
