package dev.wavecraft.maven.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.maven.it.BackgroundMaven;
import dev.wavecraft.maven.it.ExampleCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Save-to-screen time: from writing a processor source that changes the parameter list to
 * {@code parametersChanged} arriving at a WebSocket client, over {@code bench.edits} edits (30)
 * with the warm build JVM and {@code bench.freshEdits} (10) with a fresh Maven per build, with the
 * split by stage from the reload history; and in the same run the naive loop a user
 * would otherwise have: stop the server, {@code mvn compile}, start it again, wait for the first
 * {@code getAllParameters}, over {@code bench.baseline} rounds (5). Run with {@code ./mvnw -Pbench verify}.
 */
class SaveToScreenBench {

    private static final Duration WAIT = Duration.ofMinutes(2);
    /** In the benchmark's reactor: dsp's parameter declarations, which its edits change. */
    private static final String PARAMS = "dsp/src/main/java/com/example/dsp/Params.java";
    /** The processor's instance methods, which close the class. */
    private static final String PROCESS = """
                public List<Parameter> parameters() {
                    return declared();
                }
                public void process(AudioBlock block, ParameterValues values) {
                }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void measureSaveToScreenBesideARestartLoop() throws Exception {
        int edits = Integer.getInteger("bench.edits", 30);
        int freshEdits = Integer.getInteger("bench.freshEdits", 10);
        int rounds = Integer.getInteger("bench.baseline", 5);
        ExampleCopy project = ExampleCopy.of(directory);
        project.write(ExampleCopy.PROCESSOR, processor(0));

        HotReloads warm = hotReloads(project.root(), i -> project.write(ExampleCopy.PROCESSOR, processor(i)), edits, 0);
        HotReloads fresh = hotReloads(project.root(), i -> project.write(ExampleCopy.PROCESSOR, processor(i)),
                freshEdits, edits, "-Dwavecraft.warmBuild=false");
        Path reactor = reactor(directory.resolve("reactor"));
        Path params = reactor.resolve(PARAMS);
        HotReloads inReactor = hotReloads(reactor, i -> write(params, params(i)), edits, 0, "-pl", "gain", "-am");

        List<Long> restart = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            long start = System.nanoTime();
            project.write(ExampleCopy.PROCESSOR, processor(edits + freshEdits + i));
            compile(project);
            try (BackgroundMaven maven = run(project.root(), "wavecraft:run", "-Dwavecraft.watch=false");
                    RpcTestClient browser = RpcTestClient.connect(maven.awaitDevServerPort(WAIT))) {
                browser.call("getAllParameters", null);
                restart.add(millisSince(start));
            }
        }

        String report = String.join(System.lineSeparator(),
                "Save to parametersChanged, " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + Runtime.version().feature(),
                row("hot reload, warm build (" + edits + " edits)", warm.saveToScreen()),
                row("  its first edit after start-up", warm.saveToScreen().subList(0, 1)),
                row("hot reload, fresh Maven (" + freshEdits + " edits)", fresh.saveToScreen()),
                row("hot reload, reactor, dsp edits (" + edits + ")", inReactor.saveToScreen()),
                row("stop, mvn compile, restart (" + rounds + ")", restart),
                "Hot reload with the warm build, by stage (from getReloadHistory):",
                row("  detect + debounce", stage(warm.history(), "detectMs")),
                row("  build (warm Maven JVM)", stage(warm.history(), "buildMs")),
                row("  reload (snapshot, load, swap)", stage(warm.history(), "reloadMs")),
                row("  notify", stage(warm.history(), "notifyMs")),
                row("  build (fresh Maven, for comparison)", stage(fresh.history(), "buildMs")),
                row("  build (reactor: dsp and gain, -am)", stage(inReactor.history(), "buildMs")),
                warm.audio());
        System.out.println(report);
        Path out = Path.of("target", "bench", "save-to-screen.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + System.lineSeparator());
    }

    /** Writes the {@code i}th edit. */
    private interface Edit {
        void write(int i) throws IOException;
    }

    private static final Duration EDIT_PACE = Duration.ofMillis(500);

    /** Save-to-screen times of {@code edits} edits under one {@code wavecraft:run} in {@code root}, and its history. */
    private HotReloads hotReloads(Path root, Edit edit, int edits, int firstEdit, String... options) throws Exception {
        List<String> goals = new ArrayList<>(List.of(options));
        goals.add("wavecraft:run");
        List<Long> times = new ArrayList<>();
        try (BackgroundMaven maven = run(root, goals.toArray(String[]::new));
                RpcTestClient browser = RpcTestClient.connect(maven.awaitWatching(WAIT))) {
            JsonObject audioBefore = audioStatus(browser);
            for (int i = firstEdit + 1; i <= firstEdit + edits; i++) {
                // The pace of a developer who looks at the result before the next save; saves closer
                // together are a run of saves, which the watcher coalesces on purpose.
                Thread.sleep(EDIT_PACE.toMillis());
                browser.drain();
                long start = System.nanoTime();
                edit.write(i);
                browser.notification("parametersChanged", WAIT);
                times.add(millisSince(start));
            }
            return new HotReloads(times, reloads(browser, edits), audioBefore, audioStatus(browser));
        }
    }

    /** The audio engine's counters before and after the edits: what the reloads cost the audio. */
    private record HotReloads(List<Long> saveToScreen, List<JsonObject> history, JsonObject audioBefore,
            JsonObject audioAfter) {

        String audio() {
            return String.format(Locale.ROOT, "Audio across these reloads: %d dropped blocks, %d late blocks (%d caused by"
                    + " a swap), largest lateness %.1f ms since start, %d crossfades", delta("dropped_blocks"),
                    delta("deadline_misses"), delta("swap_deadline_misses"),
                    audioAfter.get("max_lateness_ms").getAsDouble(), delta("crossfades"));
        }

        private long delta(String counter) {
            return audioAfter.get(counter).getAsLong() - audioBefore.get(counter).getAsLong();
        }
    }

    private static JsonObject audioStatus(RpcTestClient browser) {
        return browser.call("getAudioStatus", null).getAsJsonObject("result").getAsJsonObject("status");
    }

    private BackgroundMaven run(Path root, String... goals) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(goals));
        arguments.add("-Dwavecraft.port=0");
        return BackgroundMaven.start(root, arguments.toArray(String[]::new));
    }

    private void compile(ExampleCopy project) throws Exception {
        try (BackgroundMaven maven = run(project.root(), "-q", "compile")) {
            maven.awaitExit(WAIT);
        }
    }

    private static List<JsonObject> reloads(RpcTestClient browser, int count) {
        JsonArray entries = browser.call("getReloadHistory", null).getAsJsonObject("result").getAsJsonArray("entries");
        List<JsonObject> reloads = new ArrayList<>();
        for (JsonElement entry : entries) {
            if (entry.getAsJsonObject().get("outcome").getAsString().equals("reloaded") && reloads.size() < count) {
                reloads.add(entry.getAsJsonObject());
            }
        }
        return reloads;
    }

    private static List<Long> stage(List<JsonObject> history, String field) {
        List<Long> values = new ArrayList<>();
        history.forEach(entry -> values.add(entry.get(field).getAsLong()));
        return values;
    }

    private static String row(String name, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return String.format(Locale.ROOT, "%-36s p50 %6d ms   p95 %6d ms   max %6d ms", name,
                percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1));
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /**
     * A reactor of two modules: {@code dsp}, declaring the parameters, and the example as
     * {@code gain}, whose processor returns dsp's parameters. Returns its top-level directory.
     */
    private static Path reactor(Path root) throws IOException {
        ExampleCopy gain = ExampleCopy.of(root.resolve("gain"));
        String pom = gain.read("pom.xml");
        write(root.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
                + "<artifactId>reactor</artifactId><version>1.0-SNAPSHOT</version><packaging>pom</packaging>"
                + "<modules><module>dsp</module><module>gain</module></modules></project>");
        write(root.resolve("dsp/pom.xml"), pom.replace("<artifactId>gain</artifactId>", "<artifactId>dsp</artifactId>"));
        write(root.resolve(PARAMS), params(0));
        gain.write("pom.xml", pom.replace("<dependencies>", "<dependencies><dependency><groupId>com.example</groupId>"
                + "<artifactId>dsp</artifactId><version>1.0-SNAPSHOT</version></dependency>"));
        gain.write(ExampleCopy.PROCESSOR, source("com.example.gain", "GainProcessor implements Processor",
                "com.example.dsp.Params.declared()") + PROCESS);
        return root;
    }

    /** dsp's parameter declarations with {@code extra} numbered parameters: each edit changes the list. */
    private static String params(int extra) {
        return source("com.example.dsp", "Params", parameterList(extra)) + "}\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** The example processor with {@code extra} numbered parameters: each edit changes the list. */
    private static String processor(int extra) {
        return source("com.example.gain", "GainProcessor implements Processor", parameterList(extra)) + PROCESS;
    }

    /** The gain parameter and {@code extra % 3 + 1} numbered ones named after the edit. */
    private static String parameterList(int extra) {
        StringBuilder parameters = new StringBuilder("List.of(FloatParameter.of(\"gain\", \"Gain\", -60, 12, 0)");
        for (int i = 0; i < extra % 3 + 1; i++) {
            parameters.append(", FloatParameter.of(\"p").append(i).append("\", \"Edit ").append(extra)
                    .append("\", 0, 1, 0)");
        }
        return parameters.append(')').toString();
    }

    /** A class whose static {@code declared()} returns {@code parameters}, left open for more members. */
    private static String source(String packageName, String declaration, String parameters) {
        return """
                package %s;

                import dev.wavecraft.api.*;
                import java.util.List;

                public final class %s {
                    public static List<Parameter> declared() {
                        return %s;
                    }
                """.formatted(packageName, declaration, parameters);
    }
}
