package dev.wavecraft.devserver.processor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads one generation of the project's own classes from a {@link ClassSnapshot}, child-first:
 * a class or resource in the snapshot wins over one of the same name in a dependency jar.
 * It holds no files open, so a retired generation needs nothing but to become unreachable.
 */
final class SnapshotClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassSnapshot snapshot;
    private final URLStreamHandler handler = new SnapshotUrlHandler();

    SnapshotClassLoader(String name, ClassSnapshot snapshot, ClassLoader dependencies) {
        super(name, dependencies);
        this.snapshot = snapshot;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        if (!snapshot.contains(path)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                byte[] bytes = snapshot.get(path);
                type = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    /**
     * Defines a copy of one of the server's own classes in this loader, so that it runs as this
     * generation's code. The class may use JDK types only; defining it twice returns the first copy.
     */
    Class<?> defineCopyOf(Class<?> serverClass) throws IOException {
        String name = serverClass.getName();
        synchronized (getClassLoadingLock(name)) {
            Class<?> copy = findLoadedClass(name);
            if (copy != null) {
                return copy;
            }
            String path = name.replace('.', '/') + ".class";
            try (InputStream in = serverClass.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IOException("The server's class file " + path + " is missing");
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            }
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>();
        URL own = findResource(name);
        if (own != null) {
            urls.add(own);
        }
        urls.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(urls);
    }

    @Override
    protected URL findResource(String name) {
        if (!snapshot.contains(name)) {
            return null;
        }
        try {
            return new URL("wavecraft-snapshot", null, -1, "/" + getName() + "/" + name, handler);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class SnapshotUrlHandler extends URLStreamHandler {

        @Override
        protected URLConnection openConnection(URL url) {
            String path = url.getPath().substring(getName().length() + 2);
            return new URLConnection(url) {
                @Override
                public void connect() {
                }

                @Override
                public InputStream getInputStream() throws IOException {
                    byte[] content = snapshot.get(path);
                    if (content == null) {
                        throw new IOException("No " + path + " in generation " + getName());
                    }
                    return new ByteArrayInputStream(content);
                }
            };
        }
    }
}
