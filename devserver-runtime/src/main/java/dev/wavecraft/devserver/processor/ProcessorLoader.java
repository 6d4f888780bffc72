package dev.wavecraft.devserver.processor;

import dev.wavecraft.api.Processor;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Loads generations of the project's processor: snapshot, class loader, discovery, creation and
 * parameter validation. One instance serves a whole run, so dependency loaders are shared.
 */
public final class ProcessorLoader implements AutoCloseable {

    private final DependencyLoaders dependencyLoaders =
            new DependencyLoaders(new ApiClassLoader(Processor.class.getClassLoader()));
    private final Optional<String> processorOverride;
    private final UserCodeCall userCode;
    private final ProcessorFactory factory;

    /**
     * @param processorOverride the class named by {@code <processor>}, if any
     * @param timeout how long the project's own code may take to create the processor
     */
    public ProcessorLoader(Optional<String> processorOverride, Duration timeout) {
        this.processorOverride = processorOverride;
        this.userCode = new UserCodeCall(timeout);
        this.factory = new ProcessorFactory(userCode);
    }

    /** How every call into the project's code outside the audio callback is run, under the same timeout. */
    public UserCodeCall userCode() {
        return userCode;
    }

    /** Reads the classes directories into a snapshot and loads generation {@code generation} from it. */
    public LoadedProcessor load(ProjectClasspath classpath, int generation)
            throws IOException, ProcessorLoadException {
        return load(ClassSnapshot.read(classpath.classesDirectories()), classpath.dependencies(), generation);
    }

    public LoadedProcessor load(ClassSnapshot snapshot, List<Path> dependencies, int generation)
            throws ProcessorLoadException {
        ClassLoader loader = new SnapshotClassLoader("wavecraft-generation-" + generation, snapshot,
                dependencyLoaders.loaderFor(dependencies));
        Class<? extends Processor> type = ProcessorDiscovery.find(loader, processorOverride, snapshot.classNames());
        ProcessorFactory.Created created = factory.create(type, "wavecraft-generation-" + generation + "-create");
        return new LoadedProcessor(created.processor(), created.layout(), loader, snapshot, dependencies);
    }

    /** Releases the jar files of dependency lists that {@code live} no longer uses. */
    public void releaseUnusedDependencies(LoadedProcessor live) throws IOException {
        dependencyLoaders.closeAllExcept(live.loader().getParent());
    }

    @Override
    public void close() throws IOException {
        dependencyLoaders.close();
    }
}
