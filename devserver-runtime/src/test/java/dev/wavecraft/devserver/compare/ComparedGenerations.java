package dev.wavecraft.devserver.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import dev.wavecraft.protocol.reload.BuildReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real server playing a 1 kHz tone at 0.5 with a real project's processor {@code demo.Tone},
 * whose generations are compiled and reloaded through the real control channel. Public for the
 * dashboard's browser tests.
 */
public final class ComparedGenerations implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "a-per-run-secret";

    private final Path project;
    private final DevServer server;
    private final ControlClient control;

    private ComparedGenerations(Path project, DevServer server, ControlClient control) {
        this.project = project;
        this.server = server;
        this.control = control;
    }

    /** Generation 1 of {@code source}, in blocks of {@code blockSize} frames. */
    public static ComparedGenerations start(Path project, int blockSize, String source) throws Exception {
        compile(project, source);
        DevServer server = DevServer.start(new DevServerOptions(project.resolve("target/wavecraft/project.classpath"))
                .withProcessorTimeout(Duration.ofSeconds(5))
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()))
                .withAudio(new AudioOptions(blockSize, InputSpec.tone(1000, 0.5), false, 0)), SECRET, () -> { });
        return new ComparedGenerations(project, server, ControlClient.connect(server.controlPort(), SECRET,
                message -> { }));
    }

    /** A source of {@code demo.Tone} with a gain parameter (dB) that also multiplies by {@code factor}. */
    public static String tone(double factor) {
        return """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Tone implements Processor {
                    static final FloatParameter GAIN = FloatParameter.of("gain", "Gain", -60, 12, 0);
                    public List<Parameter> parameters() {
                        return List.of(GAIN);
                    }
                    public void process(AudioBlock block, ParameterValues values) {
                        float gain = (float) (Math.pow(10, values.get(GAIN) / 20) * %s);
                        for (int c = 0; c < block.channelCount(); c++) {
                            float[] samples = block.channel(c);
                            for (int i = 0; i < block.frames(); i++) {
                                samples[i] *= gain;
                            }
                        }
                    }
                }
                """.formatted(factor);
    }

    /** Compiles {@code source} and reloads it as the next generation. */
    public void reload(String source) throws Exception {
        compile(project, source);
        ControlMessages.Reloaded reloaded = control.reload(new ControlMessages.Reload(0,
                List.of(project.resolve("target/classes").toString()), List.of(),
                new BuildReport(List.of("src/main/java/demo/Tone.java"), "change", 0, 0)), WAIT);
        assertThat(reloaded.ok()).as("%s", reloaded).isTrue();
    }

    public int port() {
        return server.port();
    }

    /** The dashboard's address, with the access token a browser needs. */
    public String url() {
        return server.url();
    }

    @Override
    public void close() throws IOException {
        control.close();
        server.close();
    }

    private static void compile(Path project, String source) {
        CompiledProject.withProcessor(project, "demo.Tone", source).classpathFile();
    }
}
