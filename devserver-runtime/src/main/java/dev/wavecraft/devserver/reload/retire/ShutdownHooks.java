package dev.wavecraft.devserver.reload.retire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Removes the shutdown hooks that code of retired loaders registered: a hook thread of their
 * class, created with their Runnable, or created by their code (it inherits their loader as its
 * context loader). A registered hook is never collected, and neither is anything it reaches.
 */
final class ShutdownHooks implements GlobalRegistration {

    private final Optional<ShutdownHookRegistry> registry;
    private final Consumer<String> warnings;
    private final AtomicBoolean toldUnavailable = new AtomicBoolean();

    ShutdownHooks(Optional<ShutdownHookRegistry> registry, Consumer<String> warnings) {
        this.registry = registry;
        this.warnings = warnings;
    }

    @Override
    public String kind() {
        return "shutdown hooks";
    }

    @Override
    public List<String> release(RetiredLoaders retired) {
        if (registry.isEmpty()) {
            if (!toldUnavailable.getAndSet(true)) {
                warnings.accept("Shutdown hooks that the project's code registers cannot be removed when its"
                        + " generation retires, so such a generation stays in memory: this JVM does not open"
                        + " java.lang to the dev server. Start it with " + GlobalRegistrations.OPEN_JAVA_LANG
                        + " (wavecraft:run does).");
            }
            return List.of();
        }
        List<String> removed = new ArrayList<>();
        for (Thread hook : registry.get().hooks()) {
            if (belongsTo(hook, retired) && remove(hook)) {
                removed.add("shutdown hook '" + hook.getName() + "'");
            }
        }
        return removed;
    }

    private boolean belongsTo(Thread hook, RetiredLoaders retired) {
        return retired.contains(hook.getClass().getClassLoader())
                || retired.contains(hook.getContextClassLoader())
                || registry.get().taskOf(hook).map(task -> retired.contains(task.getClass().getClassLoader()))
                        .orElse(false);
    }

    private static boolean remove(Thread hook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }
}
