package dev.wavecraft.devserver.reload.retire;

import dev.wavecraft.protocol.launch.EntryPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the project's code registered JVM-wide, taken back when its generation retires: shutdown
 * hooks, JDBC drivers, the Introspector's caches, and the {@code java.util.logging} levels and
 * handlers it set (the last just before the successor's code runs, see {@link LoggingUndo}).
 * Any of these would keep a retired generation, classes and all, in memory.
 */
public final class GlobalRegistrations {

    /** Lets the server list shutdown hooks; {@code wavecraft:run} starts the server's JVM with it. */
    public static final String OPEN_JAVA_LANG = EntryPoints.OPEN_JAVA_LANG;

    private final LoggingState serverLogging;
    private final List<GlobalRegistration> registries;
    private final Consumer<String> warnings;

    GlobalRegistrations(LoggingState serverLogging, List<GlobalRegistration> registries,
            Consumer<String> warnings) {
        this.serverLogging = serverLogging;
        this.registries = registries;
        this.warnings = warnings;
    }

    /**
     * Takes the logging setup as it is now as the server's own, so call it before any project
     * code runs.
     */
    public static GlobalRegistrations capture(Consumer<String> warnings) {
        return new GlobalRegistrations(LoggingState.capture(), List.of(
                new ShutdownHooks(ShutdownHookRegistry.open(), warnings), new JdbcDrivers(), new BeanInfoCaches()),
                warnings);
    }

    /** Before a new generation's code runs: sets logging back to the server's own setup. */
    public LoggingUndo undoProjectLogging() {
        return LoggingUndo.undo(serverLogging);
    }

    /** Removes what code of the retired loaders registered; returns what was removed. */
    public List<String> release(RetiredLoaders retired) {
        List<String> removed = new ArrayList<>();
        for (GlobalRegistration registry : registries) {
            try {
                removed.addAll(registry.release(retired));
            } catch (RuntimeException | LinkageError e) {
                warnings.accept("Checking the " + registry.kind() + " of a retired generation failed: " + e
                        + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            }
        }
        return removed;
    }
}
