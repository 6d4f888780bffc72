package dev.wavecraft.maven.it;

import dev.wavecraft.devserver.testing.RpcTestClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running {@code wavecraft:run} on a copy of an example ({@code examples/gain} unless named), for the failsafe ITs:
 * <pre>
 * &#64;RegisterExtension
 * static final WavecraftRunExtension RUN = WavecraftRunExtension.onTheExample()
 *         .preparedBy(project -&gt; project.write(...))
 *         .withArguments("-Dwavecraft.processorTimeout=3");
 * </pre>
 * On a static field one run serves the whole class, started before its first test and stopped
 * after its last; on an instance field each test gets a run of its own. The copy is prepared
 * before Maven starts, and a test begins once the run watches the sources (or at once, with
 * {@link #startedOnly}, for tests of the start itself). Tests reach the run through the field. When
 * a test fails, Maven's output is kept in {@code wavecraft.it.logs} (the failsafe reports), in a
 * file named after the class or the test, whose path is printed and published as a report entry.
 */
public final class WavecraftRunExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private static final Path LOGS = Path.of(System.getProperty("wavecraft.it.logs", "target/failsafe-reports"));

    private final String example;
    private final Consumer<ExampleCopy> preparation;
    private final List<String> arguments;
    private final boolean awaitWatching;
    private final List<String> failures = new ArrayList<>();
    private boolean servesTheClass;
    private WavecraftRun run;

    private WavecraftRunExtension(String example, Consumer<ExampleCopy> preparation, List<String> arguments,
            boolean awaitWatching) {
        this.example = example;
        this.preparation = preparation;
        this.arguments = List.copyOf(arguments);
        this.awaitWatching = awaitWatching;
    }

    public static WavecraftRunExtension onTheExample() {
        return onExample("gain");
    }

    /** A run on a copy of {@code examples/<name>}, such as {@code chain}. */
    public static WavecraftRunExtension onExample(String name) {
        return new WavecraftRunExtension(name, project -> { }, List.of(), true);
    }

    /** Edits the copy before Maven starts: sources, the UI folder, the POM. */
    public WavecraftRunExtension preparedBy(Consumer<ExampleCopy> preparation) {
        return new WavecraftRunExtension(example, preparation, arguments, awaitWatching);
    }

    /** Arguments for Maven after {@code wavecraft:run -Dwavecraft.port=0}, such as {@code -Dwavecraft.blockSize=256}. */
    public WavecraftRunExtension withArguments(String... more) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of(more));
        return new WavecraftRunExtension(example, preparation, all, awaitWatching);
    }

    /** Tests begin as soon as Maven is started, before the initial build. */
    public WavecraftRunExtension startedOnly() {
        return new WavecraftRunExtension(example, preparation, arguments, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        servesTheClass = true;
        start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!servesTheClass) {
            start(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        context.getExecutionException()
                .ifPresent(failure -> failures.add(context.getDisplayName() + ": " + brief(failure)));
        if (!servesTheClass) {
            stop(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop(context);
    }

    public ExampleCopy project() {
        return current().project();
    }

    public BackgroundMaven maven() {
        return current().maven();
    }

    /** The dev server's port. */
    public int port() {
        return current().port();
    }

    /** A browser stand-in on the server's WebSocket, the same one for every call until {@link #reconnect}. */
    public RpcTestClient browser() {
        return current().browser();
    }

    /** A new browser stand-in in place of the old one, e.g. for a server restarted after a crash. */
    public RpcTestClient reconnect() {
        return current().reconnect();
    }

    private WavecraftRun current() {
        if (run == null) {
            throw new IllegalStateException("No wavecraft:run is running: register WavecraftRunExtension with "
                    + "@RegisterExtension and use it within the tests it serves");
        }
        return run;
    }

    private void start(ExtensionContext context) throws IOException {
        run = WavecraftRun.start(example, preparation, arguments);
        if (awaitWatching) {
            try {
                run.awaitWatching();
            } catch (RuntimeException | Error e) {
                failures.add("starting wavecraft:run: " + brief(e));
                stop(context);
                throw e;
            }
        }
    }

    private void stop(ExtensionContext context) throws IOException {
        WavecraftRun ending = run;
        run = null;
        if (ending == null) {
            return;
        }
        try (ending) {
            if (!failures.isEmpty()) {
                keepOutput(ending, context);
            }
        } finally {
            failures.clear();
        }
    }

    /** Saves Maven's output where the failsafe reports are, named after the class or the test it served. */
    private void keepOutput(WavecraftRun ending, ExtensionContext context) throws IOException {
        String name = context.getRequiredTestClass().getSimpleName() + context.getTestMethod()
                .map(method -> "." + method.getName() + invocation(context.getDisplayName(), method.getName()))
                .orElse("");
        Path file = LOGS.resolve(name + ".wavecraft-run.log").toAbsolutePath();
        ending.keepOutput(file, "Failed:\n" + String.join("\n", failures));
        context.publishReportEntry("wavecraft:run output", file.toString());
        System.out.println("The output of wavecraft:run for " + name + " is kept in " + file);
    }

    /** The start of a failure's message: enough to tell failures apart, as the output follows in full anyway. */
    private static String brief(Throwable failure) {
        String text = failure.toString().replaceAll("\\s+", " ");
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** For one invocation of a parameterized test, its display name made fit for a file name; else nothing. */
    private static String invocation(String displayName, String methodName) {
        if (displayName.startsWith(methodName + "(")) {
            return "";
        }
        String safe = "-" + displayName.replaceAll("[^A-Za-z0-9._-]+", "_");
        return safe.length() <= 60 ? safe : safe.substring(0, 60);
    }
}
