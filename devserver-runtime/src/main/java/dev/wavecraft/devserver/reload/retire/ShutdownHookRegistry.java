package dev.wavecraft.devserver.reload.retire;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM's application shutdown hooks. The JDK offers no way to list them, so they are read from
 * {@code java.lang.ApplicationShutdownHooks} by reflection, which works only when the JVM opens
 * {@code java.lang} to the server ({@value GlobalRegistrations#OPEN_JAVA_LANG}).
 */
final class ShutdownHookRegistry {

    private final Class<?> holder;
    private final Field hooks;
    private final Optional<Field> task;

    private ShutdownHookRegistry(Class<?> holder, Field hooks, Optional<Field> task) {
        this.holder = holder;
        this.hooks = hooks;
        this.task = task;
    }

    /** The registry, or empty when this JVM does not open {@code java.lang} to the server. */
    static Optional<ShutdownHookRegistry> open() {
        try {
            Class<?> holder = Class.forName("java.lang.ApplicationShutdownHooks");
            Field hooks = holder.getDeclaredField("hooks");
            hooks.setAccessible(true);
            return Optional.of(new ShutdownHookRegistry(holder, hooks, taskField()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The registered hooks; none once the JVM has begun to shut down. */
    List<Thread> hooks() {
        // ApplicationShutdownHooks guards its map with the class's own lock.
        synchronized (holder) {
            try {
                Map<?, ?> registered = (Map<?, ?>) hooks.get(null);
                List<Thread> threads = new ArrayList<>();
                if (registered != null) {
                    registered.keySet().forEach(hook -> threads.add((Thread) hook));
                }
                return threads;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("java.lang.ApplicationShutdownHooks was readable a moment ago", e);
            }
        }
    }

    /** The Runnable a hook thread was created with, when this JDK keeps it where we look. */
    Optional<Object> taskOf(Thread hook) {
        return task.map(field -> {
            try {
                return field.get(hook);
            } catch (IllegalAccessException e) {
                return null;
            }
        });
    }

    private static Optional<Field> taskField() {
        try {
            Field target = Thread.class.getDeclaredField("target");
            target.setAccessible(true);
            return Optional.of(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
