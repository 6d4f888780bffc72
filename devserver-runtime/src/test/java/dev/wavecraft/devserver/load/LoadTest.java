package dev.wavecraft.devserver.load;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.audio.AudioCounts;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.AudioSettings;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browsers hammering a real server while it reloads: 50 WebSocket clients together send 1,000
 * {@code setParameter} a second for 30 s (each client sets its own parameter, so every set changes
 * a value and every other client must hear of it), while the control channel reloads a real
 * compiled processor every 2 s, alternately adding and removing a parameter nobody sets.
 * The sizes can be raised for a longer run with {@code -Dwavecraft.load.seconds=...} and friends.
 */
class LoadTest {

    private static final int CLIENTS = Integer.getInteger("wavecraft.load.clients", 50);
    private static final int SETS_PER_SECOND = Integer.getInteger("wavecraft.load.rate", 1000);
    private static final int SECONDS = Integer.getInteger("wavecraft.load.seconds", 30);
    private static final int SETS = SETS_PER_SECOND * SECONDS;
    private static final Duration RELOAD_EVERY = Duration.ofSeconds(2);
    private static final int RELOADS = (int) (SECONDS / RELOAD_EVERY.toSeconds());
    private static final AudioOptions SILENT_TONE =
            new AudioOptions(AudioSettings.DEFAULT_BLOCK_SIZE, InputSpec.defaultTone(), false, 0);
    private static final long HEAP_GROWTH_LIMIT = 64L << 20;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "load-test-secret";

    @TempDir
    Path work;

    @Test
    void everyClientHearsEveryReloadAndEveryChangeWhileNoSetFails() throws Exception {
        CompiledProject plain = compileMixer(work.resolve("plain"), "");
        CompiledProject widened = compileMixer(work.resolve("widened"),
                "PARAMETERS.add(FloatParameter.of(\"width\", \"Width\", 0, 2, 1));");
        long testStart = System.nanoTime();

        try (DevServer server = DevServer.start(new DevServerOptions(plain.classpathFile())
                        .withHttp(new HttpOptions("127.0.0.1", 0, DevServerOptions.DEFAULT_MAX_FRAME_BYTES, List.of()))
                        .withAudio(SILENT_TONE), SECRET, () -> { });
                ControlClient control = ControlClient.connect(server.controlPort(), SECRET, message -> { })) {
            Latencies latencies = new Latencies();
            List<LoadClient> clients = connect(server.port(), latencies);
            try {
                waitFor("every client's first ping answered", WAIT)
                        .until(() -> pendingReplies(clients), pending -> pending == 0);
                long heapBefore = HeapGauge.usedAfterGc();
                ThreadCpu cpuBefore = ThreadCpu.now();

                // Every reload changes the parameter list: the odd ones add width, the even ones remove it.
                Reloader reloader = new Reloader(control, List.of(widened, plain));
                CompletableFuture<Void> reloading = reloader.start(RELOADS, RELOAD_EVERY);
                long sendStart = System.nanoTime();
                Duration setLateness = new Pacer(SETS, Duration.ofSeconds(1).dividedBy(SETS_PER_SECOND), Duration.ZERO)
                        .run(i -> clients.get(i % CLIENTS).setParameter(valueOfRound(i / CLIENTS)));
                double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
                String cpu = ThreadCpu.now().since(cpuBefore, sendSeconds, 6);
                reloading.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                String missing = drain(clients, (int) reloader.succeeded());
                long heapAfter = HeapGauge.usedAfterGc();

                AudioCounts audio = server.audio().counters();
                new Figures("Load: " + CLIENTS + " WebSocket clients, " + SETS_PER_SECOND + " setParameter/s for "
                        + SECONDS + " s, a reload every " + RELOAD_EVERY.toSeconds() + " s")
                        .add("sets sent", SETS + " in " + seconds(sendSeconds) + " (" + Math.round(SETS / sendSeconds)
                                + "/s), latest send " + setLateness.toMillis() + " ms late")
                        .add("setParameter round trip", latencies.summary())
                        .add("reloads", reloader.summary())
                        .add("parameterChanged delivered", clients.stream().mapToLong(LoadClient::changes).sum())
                        .add("parametersChanged delivered",
                                clients.stream().mapToLong(client -> client.generations().size()).sum())
                        .add("all replies and notifications in", missing.isEmpty() ? "yes" : "no: " + missing)
                        .add("heap used after GC", HeapGauge.megabytes(heapBefore) + " before, "
                                + HeapGauge.megabytes(heapAfter) + " after, growth "
                                + HeapGauge.megabytes(heapAfter - heapBefore))
                        .add("audio during the run", audio.blocks() + " blocks, " + audio.deadlineMisses() + " late, "
                                + audio.droppedBlocks() + " dropped, " + audio.swaps() + " swaps")
                        .add("CPU by thread while sending", cpu)
                        .add("machine", Runtime.getRuntime().availableProcessors() + " processors, Java "
                                + Runtime.version())
                        .add("test time", seconds((System.nanoTime() - testStart) / 1e9))
                        .write("load");

                assertThat(reloader.outcomes()).as("reload outcomes").hasSize(RELOADS).allMatch(Reloader.Outcome::ok);
                assertThat(missing).as("what was still missing after the run").isEmpty();
                assertEveryClientHeardEverything(clients, finalValues(server.port()));
                assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(HEAP_GROWTH_LIMIT);
            } finally {
                clients.forEach(LoadClient::close);
            }
        }
    }

    private static void assertEveryClientHeardEverything(List<LoadClient> clients, Map<String, Double> finalValues) {
        assertThat(clients.stream().flatMap(client -> client.problems().stream()))
                .as("failed requests and broken connections").isEmpty();
        long accepted = clients.stream().mapToLong(LoadClient::setsAccepted).sum();
        assertThat(accepted).as("sets answered with a result").isEqualTo(SETS);
        List<Integer> everyGeneration = IntStream.rangeClosed(2, RELOADS + 1).boxed().toList();
        for (LoadClient client : clients) {
            String id = client.parameterId();
            assertThat(client.generations()).as("parametersChanged generations at %s", id).isEqualTo(everyGeneration);
            assertThat(client.reloadsCompleted()).as("reloadCompleted at %s", id).isEqualTo(RELOADS);
            assertThat(client.changes()).as("parameterChanged at %s", id).isEqualTo(accepted - client.setsAccepted());
            assertThat(client.echoes()).as("echoes of its own changes at %s", id).isZero();
            assertThat(finalValues.get(id)).as("final value of %s", id).isEqualTo(client.lastValue());
        }
    }

    /** Round k's value: never the default 0, and never the previous round's. */
    private static double valueOfRound(int round) {
        return (round % 99 + 1) / 100.0;
    }

    private static List<LoadClient> connect(int port, Latencies latencies) {
        HttpClient http = HttpClient.newHttpClient();
        List<LoadClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(LoadClient.connect(http, port, parameterId(i), latencies));
        }
        return clients;
    }

    /** Waits (bounded) for every reply and notification; returns what is still missing, or "" when nothing. */
    private static String drain(List<LoadClient> clients, int goodReloads) {
        try {
            waitFor("every reply and notification delivered", WAIT)
                    .until(() -> missing(clients, goodReloads), String::isEmpty);
            return "";
        } catch (ConditionTimeoutException stillMissing) {
            return missing(clients, goodReloads);
        }
    }

    private static String missing(List<LoadClient> clients, int goodReloads) {
        long accepted = clients.stream().mapToLong(LoadClient::setsAccepted).sum();
        long replies = pendingReplies(clients);
        long reloadNotices = clients.stream().mapToLong(c -> Math.max(0, goodReloads - c.generations().size())).sum();
        long changes = clients.stream()
                .mapToLong(c -> Math.max(0, accepted - c.setsAccepted() - c.changes())).sum();
        long problems = clients.stream().mapToLong(LoadClient::problemCount).sum();
        if (problems > 0 || replies + reloadNotices + changes == 0) {
            // Failed requests never bring their notifications: waiting longer would not help.
            return problems > 0 ? problems + " problems" : "";
        }
        return replies + " replies, " + reloadNotices + " parametersChanged, " + changes + " parameterChanged";
    }

    private static long pendingReplies(List<LoadClient> clients) {
        return clients.stream().mapToLong(LoadClient::pendingReplies).sum();
    }

    private static Map<String, Double> finalValues(int port) {
        try (RpcTestClient reader = RpcTestClient.connect(port)) {
            JsonArray parameters = reader.call("getAllParameters", null).getAsJsonObject("result")
                    .getAsJsonArray("parameters");
            Map<String, Double> values = new HashMap<>();
            for (JsonElement parameter : parameters) {
                JsonObject info = parameter.getAsJsonObject();
                values.put(info.get("id").getAsString(), info.get("value").getAsDouble());
            }
            return values;
        }
    }

    private static String parameterId(int client) {
        return String.format(Locale.ROOT, "p%02d", client);
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** A processor with one float parameter per client, p00 to p49 (plus extra ones), compiled by javac. */
    private static CompiledProject compileMixer(Path directory, String extraParameters) {
        return CompiledProject.withProcessor(directory, "load.Mixer", """
                package load;
                import dev.wavecraft.api.*;
                import java.util.ArrayList;
                import java.util.List;
                public class Mixer implements Processor {
                    private static final List<Parameter> PARAMETERS = new ArrayList<>();
                    private static final FloatParameter[] LEVELS = new FloatParameter[%d];
                    static {
                        for (int i = 0; i < LEVELS.length; i++) {
                            LEVELS[i] = FloatParameter.of(String.format("p%%02d", i), "Level " + i, 0, 1, 0);
                            PARAMETERS.add(LEVELS[i]);
                        }
                        %s
                    }
                    public List<Parameter> parameters() {
                        return List.copyOf(PARAMETERS);
                    }
                    public void process(AudioBlock block, ParameterValues values) {
                        float level = 0;
                        for (FloatParameter parameter : LEVELS) {
                            level += values.get(parameter);
                        }
                        for (int c = 0; c < block.channelCount(); c++) {
                            float[] samples = block.channel(c);
                            for (int i = 0; i < block.frames(); i++) {
                                samples[i] *= level / LEVELS.length;
                            }
                        }
                    }
                }
                """.formatted(CLIENTS, extraParameters));
    }
}
