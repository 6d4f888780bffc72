package dev.wavecraft.devserver.reload.retire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Finding the shutdown hooks of retired code, and what happens when the JVM does not let us. */
class ShutdownHooksTest {

    private final URLClassLoader generation = new URLClassLoader("retired", new URL[0], null);
    private final Thread hook = new Thread(() -> { }, "retired-hook");
    private final List<String> warnings = new ArrayList<>();

    @AfterEach
    void unregister() throws Exception {
        Runtime.getRuntime().removeShutdownHook(hook);
        generation.close();
    }

    @Test
    void removesAHookWhoseContextLoaderRetiredAndKeepsTheOthers() {
        hook.setContextClassLoader(generation);
        Runtime.getRuntime().addShutdownHook(hook);
        Thread servers = new Thread(() -> { }, "servers-hook");
        Runtime.getRuntime().addShutdownHook(servers);
        try {
            List<String> removed = new ShutdownHooks(ShutdownHookRegistry.open(), warnings::add)
                    .release(new RetiredLoaders(generation, Optional.empty()));

            assertThat(removed).containsExactly("shutdown hook 'retired-hook'");
            assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("the retired code's hook").isFalse();
            assertThat(warnings).isEmpty();
        } finally {
            assertThat(Runtime.getRuntime().removeShutdownHook(servers)).as("the server's own hook").isTrue();
        }
    }

    @Test
    void saysOnceThatHooksStayWhenTheJvmDoesNotOpenJavaLang() {
        hook.setContextClassLoader(generation);
        Runtime.getRuntime().addShutdownHook(hook);
        ShutdownHooks hooks = new ShutdownHooks(Optional.empty(), warnings::add);
        RetiredLoaders retired = new RetiredLoaders(generation, Optional.empty());

        assertThat(hooks.release(retired)).isEmpty();
        assertThat(hooks.release(retired)).isEmpty();

        assertThat(warnings).singleElement().asString()
                .contains("cannot be removed", GlobalRegistrations.OPEN_JAVA_LANG, "wavecraft:run");
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("left registered").isTrue();
    }
}
