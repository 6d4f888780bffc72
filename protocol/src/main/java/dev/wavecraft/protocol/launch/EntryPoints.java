package dev.wavecraft.protocol.launch;

import java.util.List;

/**
 * The runtime's main classes a goal starts, by name: the plugin starts them in a forked JVM and
 * never loads them itself.
 */
public final class EntryPoints {

    /** The dev server that {@code run} and {@code start} fork. */
    public static final String DEV_SERVER = "dev.wavecraft.devserver.launch.DevServerMain";

    /** The offline renderer that {@code render} forks. */
    public static final String RENDER = "dev.wavecraft.devserver.render.RenderMain";

    /**
     * {@code java.lang} opened to the user's code's class loaders, so that retiring a generation can
     * find and remove the shutdown hooks its code registered.
     */
    public static final String OPEN_JAVA_LANG = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    /** JVM options every forked runtime JVM is started with. */
    public static final List<String> JVM_OPTIONS = List.of(OPEN_JAVA_LANG);

    private EntryPoints() {
    }
}
