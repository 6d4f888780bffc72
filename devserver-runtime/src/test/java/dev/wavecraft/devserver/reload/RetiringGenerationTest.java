package dev.wavecraft.devserver.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.devserver.processor.ProcessorLoader;
import dev.wavecraft.devserver.reload.retire.GlobalRegistrations;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.LoaderLeakDetector;
import dev.wavecraft.protocol.classpath.ProjectClasspath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retiring a generation takes back what its code registered JVM-wide. Each kind has a fixture
 * processor, compiled for real, that registers it; after a reload the old registration is gone,
 * the new generation's own is kept, and the old class loader can be collected.
 */
class RetiringGenerationTest {

    private static final String PROCESSOR_BODY = """
                public List<Parameter> parameters() { return List.of(); }
                public void process(AudioBlock block, ParameterValues values) { }
            """;

    @TempDir
    Path project;

    private final LinkedBlockingQueue<String> warnings = new LinkedBlockingQueue<>();
    private final LoaderLeakDetector detector = new LoaderLeakDetector();
    private ProcessorLoader loader;
    private GenerationManager generations;
    private Runnable cleanUp = () -> { };

    @AfterEach
    void stop() throws Exception {
        cleanUp.run();
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void removesAShutdownHookItsCodeRegistered() throws Exception {
        start(processor("demo.Flush", """
                public static Thread hook;
                public Flush() {
                    hook = new Thread(() -> { }, "demo-flush");
                    Runtime.getRuntime().addShutdownHook(hook);
                }
                public static boolean registered() {
                    if (!Runtime.getRuntime().removeShutdownHook(hook)) {
                        return false;
                    }
                    Runtime.getRuntime().addShutdownHook(hook);
                    return true;
                }
                public static void unregister() { Runtime.getRuntime().removeShutdownHook(hook); }
                """));
        cleanUp = () -> call(live(), "demo.Flush", "unregister");
        ClassLoader first = live();
        assertThat(call(first, "demo.Flush", "registered")).isEqualTo(true);

        generations.reload(2, classpath());

        assertThat(call(first, "demo.Flush", "registered")).as("generation 1's hook").isEqualTo(false);
        assertThat(call(live(), "demo.Flush", "registered")).as("generation 2's hook").isEqualTo(true);
        first = null;
        assertTakenBackAndCollected("shutdown hook 'demo-flush'");
    }

    @Test
    void deregistersAJdbcDriverItsCodeRegistered() throws Exception {
        start(Map.of("demo.Store", processorSource("Store", """
                public Store() throws java.sql.SQLException {
                    java.sql.DriverManager.registerDriver(new FakeDriver());
                }
                public static boolean registered() {
                    return java.util.Collections.list(java.sql.DriverManager.getDrivers()).stream()
                            .anyMatch(driver -> driver instanceof FakeDriver);
                }
                public static void unregister() throws java.sql.SQLException {
                    for (java.sql.Driver driver : java.util.Collections.list(java.sql.DriverManager.getDrivers())) {
                        java.sql.DriverManager.deregisterDriver(driver);
                    }
                }
                """), "demo.FakeDriver", """
                package demo;
                import java.sql.*;
                import java.util.Properties;
                public class FakeDriver implements Driver {
                    public Connection connect(String url, Properties info) { return null; }
                    public boolean acceptsURL(String url) { return url.startsWith("jdbc:demo:"); }
                    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) { return new DriverPropertyInfo[0]; }
                    public int getMajorVersion() { return 1; }
                    public int getMinorVersion() { return 0; }
                    public boolean jdbcCompliant() { return false; }
                    public java.util.logging.Logger getParentLogger() { throw new UnsupportedOperationException(); }
                }
                """), "demo.Store");
        cleanUp = () -> call(live(), "demo.Store", "unregister");
        ClassLoader first = live();
        assertThat(call(first, "demo.Store", "registered")).isEqualTo(true);

        generations.reload(2, classpath());

        assertThat(call(first, "demo.Store", "registered")).as("generation 1's driver").isEqualTo(false);
        assertThat(call(live(), "demo.Store", "registered")).as("generation 2's driver").isEqualTo(true);
        first = null;
        assertTakenBackAndCollected("JDBC driver demo.FakeDriver");
    }

    @Test
    void removesLogHandlersItsCodeAddedAndClosesItsLogFile() throws Exception {
        Logger root = Logger.getLogger("");
        Logger audio = Logger.getLogger("demo.audio");
        Path log = project.resolve("demo.log");
        start(Map.of("demo.Logs", processorSource("Logs", """
                public Logs() throws java.io.IOException {
                    java.util.logging.Logger.getLogger("").addHandler(new Collecting());
                    java.util.logging.Logger.getLogger("demo.audio").addHandler(new java.util.logging.FileHandler("%s"));
                }
                """.formatted(log.toString().replace("\\", "/"))), "demo.Collecting", """
                package demo;
                import java.util.logging.*;
                public class Collecting extends Handler {
                    public void publish(LogRecord record) { }
                    public void flush() { }
                    public void close() { }
                }
                """), "demo.Logs");
        cleanUp = () -> {
            removeHandlersOf(root, live());
            for (Handler handler : audio.getHandlers()) {
                audio.removeHandler(handler);
                handler.close();
            }
        };
        ClassLoader first = live();
        assertThat(handlersOf(root, first)).hasSize(1);
        assertThat(audio.getHandlers()).hasSize(1);
        assertThat(Path.of(log + ".lck")).exists();

        generations.reload(2, classpath());

        assertThat(handlersOf(root, first)).as("generation 1's handler").isEmpty();
        assertThat(handlersOf(root, live())).as("generation 2's handler").hasSize(1);
        assertThat(audio.getHandlers()).as("only generation 2's file handler").hasSize(1);
        assertThat(Path.of(log + ".lck")).as("generation 1's log file, closed").doesNotExist();
        first = null;
        assertTakenBackAndCollected("handler demo.Collecting of the root logger",
                "handler " + FileHandler.class.getName() + " of logger 'demo.audio'");
    }

    @Test
    void resetsLogLevelsItsCodeSetAndKeepsThoseItsSuccessorSetsAgain() throws Exception {
        Logger server = Logger.getLogger("wavecraft.test.server");
        server.setLevel(Level.WARNING);
        Logger own = Logger.getLogger("demo.levels");
        String setsLevels = """
                static {
                    java.util.logging.Logger.getLogger("demo.levels").setLevel(java.util.logging.Level.FINE);
                    java.util.logging.Logger.getLogger("wavecraft.test.server").setLevel(java.util.logging.Level.ALL);
                }
                """;
        try {
            start(processor("demo.Levels", setsLevels));
            ClassLoader first = live();
            assertThat(own.getLevel()).isEqualTo(Level.FINE);

            generations.reload(2, classpath());

            assertThat(own.getLevel()).as("set again by generation 2").isEqualTo(Level.FINE);
            assertThat(server.getLevel()).as("set again by generation 2").isEqualTo(Level.ALL);
            processor("demo.Levels", "");
            generations.reload(3, classpath());

            assertThat(own.getLevel()).as("no longer set by generation 3").isNull();
            assertThat(server.getLevel()).as("the server's own level").isEqualTo(Level.WARNING);
            first = null;
            assertTakenBackAndCollected("level FINE of logger 'demo.levels'", "level ALL of logger 'wavecraft.test.server'");
        } finally {
            server.setLevel(null);
        }
    }

    @Test
    void givesTheLiveGenerationItsLogSetupBackWhenItsSuccessorFailsToLoad() throws Exception {
        Logger own = Logger.getLogger("demo.failing");
        start(processor("demo.Failing", """
                static {
                    java.util.logging.Logger.getLogger("demo.failing").setLevel(java.util.logging.Level.FINE);
                    java.util.logging.Logger.getLogger("demo.failing").addHandler(new java.util.logging.ConsoleHandler());
                }
                """));
        Handler live = own.getHandlers()[0];
        cleanUp = () -> own.removeHandler(live);
        processor("demo.Failing", """
                public Failing() {
                    java.util.logging.Logger.getLogger("demo.failing").setLevel(java.util.logging.Level.SEVERE);
                    java.util.logging.Logger.getLogger("demo.failing").addHandler(new java.util.logging.ConsoleHandler());
                    throw new IllegalStateException("no wavetable");
                }
                """);

        assertThatThrownBy(() -> generations.reload(2, classpath())).isInstanceOf(ReloadFailure.class)
                .hasMessageContaining("no wavetable");

        assertThat(own.getLevel()).as("generation 1's level").isEqualTo(Level.FINE);
        assertThat(own.getHandlers()).as("generation 1's handler only").containsExactly(live);
    }

    @Test
    void flushesWhatTheBeansIntrospectorLearntOfItsClasses() throws Exception {
        start(processor("demo.Knobs", """
                private float gain;
                public float getGain() { return gain; }
                public void setGain(float gain) { this.gain = gain; }
                public Knobs() throws java.beans.IntrospectionException {
                    java.beans.Introspector.getBeanInfo(Knobs.class);
                }
                """));

        generations.reload(2, classpath());

        LoaderLeakDetector.Result result = detector.collect(0);
        System.out.println("[retire] java.beans caches flushed: " + result);
        assertThat(result.alive()).as("generation 1: %s", result).isZero();
    }

    @Test
    void deregistersADriverOfDependencyJarsWhenTheLastGenerationUsingThemRetires() throws Exception {
        Path dependency = CompiledProject.of(project.resolve("dependency"), Map.of("dep.FakeDriver", """
                package dep;
                import java.sql.*;
                import java.util.Properties;
                public class FakeDriver implements Driver {
                    static {
                        try {
                            DriverManager.registerDriver(new FakeDriver());
                        } catch (SQLException e) {
                            throw new ExceptionInInitializerError(e);
                        }
                    }
                    public Connection connect(String url, Properties info) { return null; }
                    public boolean acceptsURL(String url) { return url.startsWith("jdbc:dep:"); }
                    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) { return new DriverPropertyInfo[0]; }
                    public int getMajorVersion() { return 1; }
                    public int getMinorVersion() { return 0; }
                    public boolean jdbcCompliant() { return false; }
                    public java.util.logging.Logger getParentLogger() { throw new UnsupportedOperationException(); }
                }
                """), Map.of()).classes();
        ProjectClasspath withDriver = ProjectClasspath.of(project.resolve("target/classes"), List.of(dependency));
        processor("demo.Store", """
                public Store() throws ClassNotFoundException { Class.forName("dep.FakeDriver"); }
                public static boolean registered() {
                    return java.util.Collections.list(java.sql.DriverManager.getDrivers()).stream()
                            .anyMatch(driver -> driver.getClass().getName().equals("dep.FakeDriver"));
                }
                """);
        start(withDriver);
        detector.track(live().getParent());

        generations.reload(2, withDriver);

        assertThat(call(live(), "demo.Store", "registered")).as("the driver, still used by generation 2").isEqualTo(true);
        processor("demo.Store", "");
        generations.reload(3, classpath());

        String report = warnings.poll(10, TimeUnit.SECONDS);
        System.out.println("[retire] " + report);
        assertThat(report).startsWith("Generation 2 retired").contains("JDBC driver dep.FakeDriver");
        LoaderLeakDetector.Result result = detector.collect(0);
        assertThat(result.alive()).as("generation 1 and the dependencies' loader: %s", result).isZero();
    }

    /** Starts generation 1 of the project, with the JVM-wide state captured before its code runs. */
    private void start(CompiledProject compiled) throws Exception {
        start(compiled.classpath());
    }

    private void start(ProjectClasspath classpath) throws Exception {
        GlobalRegistrations globals = GlobalRegistrations.capture(warnings::add);
        loader = new ProcessorLoader(Optional.empty(), Duration.ofSeconds(5));
        LoadedProcessor first = loader.load(classpath, 1);
        generations = new GenerationManager(loader, new ParameterHost(first.layout()),
                new Generation(1, first, Instant.now()), warnings::add, ProcessorSwapListener.NONE, globals);
        detector.track(first.loader());
    }

    private void start(Map<String, String> sources, String processorClass) throws Exception {
        start(CompiledProject.of(project, sources, Map.of(CompiledProject.SERVICE_FILE, processorClass + "\n")));
    }

    /** Says what the retirement reported and checks that generation 1 became garbage. */
    private void assertTakenBackAndCollected(String... removed) throws InterruptedException {
        String report = warnings.poll(10, TimeUnit.SECONDS);
        System.out.println("[retire] " + report);
        assertThat(report).startsWith("Generation 1 retired").contains(removed);
        LoaderLeakDetector.Result result = detector.collect(0);
        assertThat(result.alive()).as("generation 1: %s", result).isZero();
    }

    private CompiledProject processor(String className, String members) {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        return CompiledProject.withProcessor(project, className, processorSource(simpleName, members));
    }

    private static String processorSource(String simpleName, String members) {
        return """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class %s implements Processor {
                %s
                %s
                }
                """.formatted(simpleName, members, PROCESSOR_BODY);
    }

    private ProjectClasspath classpath() {
        return ProjectClasspath.of(project.resolve("target/classes"), List.of());
    }

    private ClassLoader live() {
        return generations.live().processor().loader();
    }

    private static Object call(ClassLoader generation, String className, String method) {
        try {
            return generation.loadClass(className).getMethod(method).invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Calling " + className + "." + method + " failed", e);
        }
    }

    private static List<Handler> handlersOf(Logger logger, ClassLoader generation) {
        return Arrays.stream(logger.getHandlers()).filter(handler -> handler.getClass().getClassLoader() == generation)
                .toList();
    }

    private static void removeHandlersOf(Logger logger, ClassLoader generation) {
        handlersOf(logger, generation).forEach(logger::removeHandler);
    }
}
