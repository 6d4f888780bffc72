package dev.wavecraft.devserver.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A headless Chromium for each parameter of type {@link HeadlessChromium}: Debian's
 * {@code /usr/bin/chromium} through {@code /usr/bin/chromedriver}, with a fresh profile in a
 * directory of its own. It is closed, and its profile deleted, when the method's scope ends: after
 * the test for a test method's parameter, after the class for a {@code @BeforeAll} method's. A
 * window other than 1280 × 900 is asked for with {@link WindowSize} on the parameter.
 * Without the browser the test is skipped, or fails under {@code CI=true} (see {@link HeadlessChromium}).
 */
public final class HeadlessChromiumExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(HeadlessChromiumExtension.class);

    /** The size of the browser's window, in CSS pixels. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface WindowSize {
        int width();

        int height();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HeadlessChromium.class;
    }

    @Override
    public HeadlessChromium resolveParameter(ParameterContext parameter, ExtensionContext context) {
        WindowSize size = parameter.findAnnotation(WindowSize.class).orElse(null);
        Session session = Session.start(size == null ? 1280 : size.width(), size == null ? 900 : size.height());
        context.getStore(NAMESPACE).put(UUID.randomUUID(), session); // closed by JUnit as the scope ends
        return session.browser;
    }

    /** One browser and the profile directory it alone uses. */
    private static final class Session implements AutoCloseable {

        private final ScratchDirectory profile;
        private final HeadlessChromium browser;

        private Session(ScratchDirectory profile, HeadlessChromium browser) {
            this.profile = profile;
            this.browser = browser;
        }

        static Session start(int width, int height) {
            ScratchDirectory profile;
            try {
                profile = ScratchDirectory.create("wavecraft-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return new Session(profile, HeadlessChromium.start(profile.path(), width, height));
            } catch (RuntimeException | Error e) {
                profile.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                browser.close();
            } finally {
                profile.close();
            }
        }
    }
}
