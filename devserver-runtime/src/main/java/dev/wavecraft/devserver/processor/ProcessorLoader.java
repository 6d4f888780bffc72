package dev.wavecraft.devserver.processor;

import dev.wavecraft.api.Processor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads the project's processor: class loader, discovery, creation, parameter validation. */
public final class ProcessorLoader {

    private final ClassLoader apiLoader = new ApiClassLoader(Processor.class.getClassLoader());
    private final Optional<String> processorOverride;
    private final ProcessorFactory factory;

    /**
     * @param processorOverride the class named by {@code <processor>}, if any
     * @param timeout how long the project's own code may take to create the processor
     */
    public ProcessorLoader(Optional<String> processorOverride, Duration timeout) {
        this.processorOverride = processorOverride;
        this.factory = new ProcessorFactory(timeout);
    }

    public LoadedProcessor load(ProjectClasspath classpath) throws ProcessorLoadException {
        URLClassLoader loader = new URLClassLoader("wavecraft-project", urls(classpath), apiLoader);
        try {
            Class<? extends Processor> type =
                    ProcessorDiscovery.find(loader, processorOverride, classpath.classesDirectory());
            ProcessorFactory.Created created = factory.create(type);
            return new LoadedProcessor(created.processor(), created.layout(), loader);
        } catch (ProcessorLoadException | RuntimeException e) {
            closeQuietly(loader, e);
            throw e;
        }
    }

    private static URL[] urls(ProjectClasspath classpath) {
        List<Path> entries = new ArrayList<>();
        entries.add(classpath.classesDirectory());
        entries.addAll(classpath.dependencies());
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        return urls;
    }

    private static void closeQuietly(URLClassLoader loader, Exception failure) {
        try {
            loader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
