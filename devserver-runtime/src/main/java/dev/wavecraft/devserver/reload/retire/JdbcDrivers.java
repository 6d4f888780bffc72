package dev.wavecraft.devserver.reload.retire;

import dev.wavecraft.devserver.processor.InsideGeneration;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Deregisters the JDBC drivers that classes of a retired generation (or of the dependency jars
 * only it used) registered: DriverManager holds each driver, and through it its class loader, for
 * good. The work runs inside the generation's loader, where DriverManager lets it see them.
 */
final class JdbcDrivers implements GlobalRegistration {

    @Override
    public String kind() {
        return "JDBC drivers";
    }

    @Override
    public List<String> release(RetiredLoaders retired) {
        Function<Set<ClassLoader>, List<String>> release;
        try {
            @SuppressWarnings("unchecked")
            Function<Set<ClassLoader>, List<String>> inside = (Function<Set<ClassLoader>, List<String>>)
                    InsideGeneration.newInstance(retired.generation(), JdbcDriverRelease.class);
            release = inside;
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("The JDBC driver check could not run inside the generation", e);
        }
        return release.apply(retired.asSet());
    }
}
