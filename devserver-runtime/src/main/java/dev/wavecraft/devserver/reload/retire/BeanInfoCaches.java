package dev.wavecraft.devserver.reload.retire;

import java.beans.Introspector;
import java.util.List;

/**
 * Flushes {@code java.beans}: the Introspector keeps what it learnt of every class it looked at,
 * and with it the class and its loader, until its caches are flushed.
 */
final class BeanInfoCaches implements GlobalRegistration {

    @Override
    public String kind() {
        return "java.beans caches";
    }

    @Override
    public List<String> release(RetiredLoaders retired) {
        Introspector.flushCaches();
        return List.of();
    }
}
