package dev.wavecraft.devserver.processor;

/**
 * The parent of every project class loader: the JDK's platform classes plus the api classes of the
 * server's own loader, and nothing else, so the server's Undertow and Gson never leak into (or
 * clash with) the project's classpath while {@code Processor} stays one type on both sides.
 */
final class ApiClassLoader extends ClassLoader {

    private static final String API_PACKAGE = "dev.wavecraft.api.";

    private final ClassLoader apiSource;

    ApiClassLoader(ClassLoader apiSource) {
        super("wavecraft-api", ClassLoader.getPlatformClassLoader());
        this.apiSource = apiSource;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE)) {
            return apiSource.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
