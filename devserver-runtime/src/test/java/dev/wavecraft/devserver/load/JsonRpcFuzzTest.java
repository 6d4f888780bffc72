package dev.wavecraft.devserver.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 random and mutated JSON-RPC frames against the real server serving the example
 * processor. Each run takes a new seed, printed with the figures; {@code -Dwavecraft.fuzz.seed=...}
 * replays a run frame for frame.
 */
class JsonRpcFuzzTest {

    private static final int FRAMES = Integer.getInteger("wavecraft.fuzz.frames", 10_000);
    private static final int MAX_FRAME_BYTES = DevServerOptions.DEFAULT_MAX_FRAME_BYTES;
    private static final AudioOptions SILENT_TONE =
            new AudioOptions(AudioSettings.DEFAULT_BLOCK_SIZE, InputSpec.defaultTone(), false, 0);
    private static final int PROBLEMS_SHOWN = 20;
    private static final int PROBLEMS_WRITTEN = 200;

    @TempDir
    Path project;

    @Test
    void staysUpAndAnswersEveryFuzzedFrameWithValidJsonRpc() throws Exception {
        long seed = Long.getLong("wavecraft.fuzz.seed", new Random().nextLong());
        System.out.println("JSON-RPC fuzz seed " + seed + " (replay: -Dwavecraft.fuzz.seed=" + seed + ")");
        List<FuzzFrame> frames = new FrameFuzzer(new Random(seed), MAX_FRAME_BYTES).frames(FRAMES);

        try (DevServer server = DevServer.start(new DevServerOptions(CompiledProject.example(project).classpathFile())
                        .withHttp(new HttpOptions("127.0.0.1", 0, MAX_FRAME_BYTES, List.of()))
                        .withAudio(SILENT_TONE),
                "fuzz-secret", () -> { });
                RpcTestClient bystander = RpcTestClient.connect(server.port())) {
            FuzzRun run = new FuzzRun(server.port(), MAX_FRAME_BYTES);
            ThreadCpu cpuBefore = ThreadCpu.now();
            long start = System.nanoTime();
            List<String> problems = run.run(frames, bystander).stream().map(FuzzFrame::printable).toList();
            double seconds = (System.nanoTime() - start) / 1e9;

            Figures figures = new Figures("JSON-RPC fuzz: " + FRAMES + " random and mutated frames, seed " + seed);
            run.tally().addTo(figures);
            figures.add("problems", problems.size())
                    .add("time", String.format(Locale.ROOT, "%.1f s", seconds))
                    .add("CPU by thread", ThreadCpu.now().since(cpuBefore, seconds, 4));
            problems.stream().limit(PROBLEMS_WRITTEN).forEach(problem -> figures.add("problem", problem));
            figures.write("fuzz");

            assertThat(problems).as("seed %d; the first %d problems:%n%s", seed, PROBLEMS_SHOWN,
                    String.join(System.lineSeparator(), problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size()))))
                    .isEmpty();
            try (RpcTestClient fresh = RpcTestClient.connect(server.port())) {
                assertThat(fresh.call("ping", null).has("result")).isTrue();
                assertThat(fresh.call("getAllParameters", null).getAsJsonObject("result").getAsJsonArray("parameters"))
                        .hasSize(4);
            }
            assertThat(bystander.isClosedByServer()).isFalse();
        }
    }
}
