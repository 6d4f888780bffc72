package dev.wavecraft.devserver.ui;

import static dev.wavecraft.devserver.testing.Waits.waitFor;

import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.devserver.testing.Waits;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.WorkbenchOptions;
import dev.wavecraft.protocol.reload.BuildReport;
import dev.wavecraft.protocol.reload.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A real dev server on port 0 running a small synth compiled by javac (a float with a unit, a
 * float without, an enum, a float in dB and a bool, in three groups), reloaded through the real
 * control channel as the mojo does, plus a WebSocket client to check what the server holds.
 */
final class SynthServer implements AutoCloseable {

    static final String SOURCE_FILE = "src/main/java/demo/Synth.java";
    private static final String SECRET = "dashboard-test-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Path project;
    private final DevServer server;
    private final ControlClient control;
    private final RpcTestClient rpc;
    private final LinkedBlockingQueue<ControlMessages.Decoded> fromServer = new LinkedBlockingQueue<>();

    private SynthServer(Path project, int port) throws Exception {
        this.project = project;
        if (!java.nio.file.Files.isDirectory(project.resolve("target/classes"))) {
            compile("");
        }
        DevServer started = DevServer.start(new DevServerOptions(project.resolve("target/wavecraft/project.classpath"))
                .withProcessorTimeout(Duration.ofSeconds(5))
                .withHttp(new HttpOptions("127.0.0.1", port, 1 << 20, List.of()))
                .withWorkbench(WorkbenchOptions.NONE.withPresetsDirectory(presetsDirectory(project))), SECRET,
                () -> { });
        ControlClient client = null;
        try {
            client = ControlClient.connect(started.controlPort(), SECRET, fromServer::add);
            this.rpc = RpcTestClient.connect(started.port());
        } catch (Exception | AssertionError e) {
            if (client != null) {
                client.close();
            }
            started.close();
            throw e;
        }
        this.server = started;
        this.control = client;
    }

    static SynthServer start(Path project) throws Exception {
        return new SynthServer(project, 0);
    }

    /** A server on a given port (0 for any), over the classes already compiled in {@code project} if there are. */
    static SynthServer start(Path project, int port) throws Exception {
        return new SynthServer(project, port);
    }

    /** Where the server keeps its presets: the project's src/main/wavecraft/presets. */
    static Path presetsDirectory(Path project) {
        return project.resolve("src/main/wavecraft/presets");
    }

    int port() {
        return server.port();
    }

    String url() {
        return server.url();
    }

    /** What the server holds, through a WebSocket client of its own. */
    RpcTestClient rpc() {
        return rpc;
    }

    /** Recompiles the synth with {@code extraParameters} (Java expressions, each followed by a comma) first. */
    void compile(String extraParameters) {
        compile(extraParameters, "");
    }

    /** Recompiles the synth as {@link #compile(String)} does, running {@code onEachBlock} in {@code process}. */
    void compile(String extraParameters, String onEachBlock) {
        CompiledProject.withProcessor(project, "demo.Synth", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Synth implements Processor {
                    private int blocks;
                    public List<Parameter> parameters() {
                        return List.of(%s
                                FloatParameter.of("cutoff", "Cutoff", 20, 20000, 1000).withUnit("Hz").withGroup("Filter"),
                                FloatParameter.of("resonance", "Resonance", 0, 1, 0.2).withGroup("Filter"),
                                EnumParameter.of("wave", "Waveform", "Sine", "Saw", "Square").withGroup("Oscillator"),
                                FloatParameter.of("gain", "Gain", -60, 12, 0).withUnit("dB").withGroup("Output"),
                                BoolParameter.of("bypass", "Bypass", false).withGroup("Output"));
                    }
                    public void process(AudioBlock block, ParameterValues values) { %s }
                }
                """.formatted(extraParameters, onEachBlock)).classpathFile();
    }

    /** Tells the server a build started, as the mojo does on a save. */
    void buildStarted() throws IOException {
        control.send(new ControlMessages.BuildStarted(List.of(SOURCE_FILE), "change"));
    }

    /** Reports a failed build with these diagnostics, as the mojo does after a compile error. */
    void buildFailed(Diagnostic... diagnostics) throws IOException {
        control.send(new ControlMessages.BuildFailed(report(), List.of(diagnostics),
                "[ERROR] COMPILATION ERROR :\n[ERROR] " + SOURCE_FILE + ":[7,12] ';' expected"));
    }

    /** Reloads from the classes on disk through the control channel, as the mojo does after a good build. */
    Reloaded reload() throws Exception {
        buildStarted();
        return control.reload(new ControlMessages.Reload(0, List.of(project.resolve("target/classes").toString()),
                List.of(), report()), WAIT);
    }

    /** The next control message of this type the server sent to the build tool; fails after a bounded wait. */
    ControlMessages.Decoded nextFromServer(String type) {
        return Waits.next(fromServer, message -> message.type().equals(type), type + " control message", WAIT);
    }

    /** Closes the control connection, as when the build tool goes away; returns once the server knows. */
    void closeControl() {
        control.close();
        waitFor("the server to notice that the control connection closed", WAIT)
                .until(() -> rpc.call("triggerReload", null).has("error"));
    }

    private static BuildReport report() {
        return new BuildReport(List.of(SOURCE_FILE), "change", 104, 850);
    }

    @Override
    public void close() throws IOException {
        try {
            rpc.close();
            control.close();
        } finally {
            server.close();
        }
    }
}
