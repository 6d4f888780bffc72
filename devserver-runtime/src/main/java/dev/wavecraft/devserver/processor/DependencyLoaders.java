package dev.wavecraft.devserver.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Class loaders for the project's dependency jars, one per distinct jar list, kept while a
 * generation uses it: reloading the project's own classes then opens no jar at all.
 */
final class DependencyLoaders implements AutoCloseable {

    private final ClassLoader apiLoader;
    private final Map<List<Path>, URLClassLoader> loaders = new HashMap<>();

    DependencyLoaders(ClassLoader apiLoader) {
        this.apiLoader = apiLoader;
    }

    synchronized ClassLoader loaderFor(List<Path> dependencies) {
        return loaders.computeIfAbsent(List.copyOf(dependencies),
                jars -> new URLClassLoader("wavecraft-dependencies", urls(jars), apiLoader));
    }

    /** Closes the loaders of jar lists no generation uses any more, so their jar files are released. */
    synchronized void closeAllExcept(ClassLoader inUse) throws IOException {
        Iterator<URLClassLoader> it = loaders.values().iterator();
        while (it.hasNext()) {
            URLClassLoader loader = it.next();
            if (loader != inUse) {
                it.remove();
                loader.close();
            }
        }
    }

    private static URL[] urls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        return urls;
    }

    @Override
    public synchronized void close() throws IOException {
        closeAllExcept(null);
    }
}
