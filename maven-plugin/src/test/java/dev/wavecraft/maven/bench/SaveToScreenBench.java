package dev.wavecraft.maven.bench;

import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.maven.it.BackgroundMaven;
import dev.wavecraft.maven.it.ExampleCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Save to screen: from writing a source to the notification that shows the result at a WebSocket
 * client, with the split by stage from the server's reload history. In one run: the example
 * ({@code bench.edits} edits, 30, its first edit after start-up, compile errors and the saves
 * that fix them), a fresh Maven per build ({@code bench.freshEdits}, 10), generated modules of
 * 10, 100 and 500 sources (a leaf edit, a body edit and an API edit of the class all others use,
 * {@code bench.scaleEdits} each, 10), the 500-source leaf edit with the whole module compiled, a
 * three-module reactor edited at the bottom, and the loop a user would otherwise have: stop the
 * server, {@code mvn compile}, start it again ({@code bench.baseline} rounds, 5). Beside them, in a
 * run of the example as shipped, the workbench's figures: its CPU per block with compare off and on,
 * and compare on across {@code bench.compareEdits} reloads (20) with the audio engine's counters.
 * Writes {@code target/bench/save-to-screen.txt}. Run with {@code ./mvnw -Pbench verify}.
 */
class SaveToScreenBench {

    private static final String SHOWN = "parametersChanged";
    private static final String RELOADED = "reloadCompleted";
    private static final String FAILED = "buildFailed";

    @TempDir
    Path directory;

    @Test
    void measureSaveToScreen() throws Exception {
        int edits = Integer.getInteger("bench.edits", 30);
        int freshEdits = Integer.getInteger("bench.freshEdits", 10);
        int scaleEdits = Integer.getInteger("bench.scaleEdits", 10);
        int rounds = Integer.getInteger("bench.baseline", 5);
        int compareEdits = Integer.getInteger("bench.compareEdits", 20);
        BenchTable table = new BenchTable("Save to screen, " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + Runtime.version().feature());

        ExampleCopy example = ExampleCopy.of(directory.resolve("example"));
        example.write(ExampleCopy.PROCESSOR, BenchSources.processor(0));
        try (DevSession session = DevSession.start(example.root())) {
            Measured warm = session.measure("example, warm build", edits, SHOWN,
                    i -> example.write(ExampleCopy.PROCESSOR, BenchSources.processor(i)));
            table.add(warm);
            table.add(warm.first("  its first edit after start-up"));
            List<Measured> errors = new ArrayList<>();
            List<Measured> fixes = new ArrayList<>();
            for (int i = 0; i < scaleEdits; i++) {
                errors.add(session.measure("", 1, FAILED,
                        n -> example.write(ExampleCopy.PROCESSOR, BenchSources.brokenProcessor(n))));
                fixes.add(session.measure("", 1, SHOWN,
                        n -> example.write(ExampleCopy.PROCESSOR, BenchSources.processor(n))));
            }
            table.add(Measured.joined("example, compile error to buildFailed", errors));
            table.add(Measured.joined("example, the save that fixes it", fixes));
            table.note(session.audioCost());
        }
        workbench(ExampleCopy.of(directory.resolve("example-as-shipped")), compareEdits, table);
        try (DevSession session = DevSession.start(example.root(), "-Dwavecraft.warmBuild=false")) {
            table.add(session.measure("example, fresh Maven per build", freshEdits, SHOWN,
                    i -> example.write(ExampleCopy.PROCESSOR, BenchSources.processor(1000 + i))));
        }
        for (int stages : List.of(10, 100, 500)) {
            ExampleCopy copy = ExampleCopy.of(directory.resolve("generated-" + stages));
            GeneratedModule module = GeneratedModule.write(copy, stages);
            String size = module.files() + " sources, ";
            try (DevSession session = DevSession.start(copy.root())) {
                table.add(session.measure(size + "leaf edit", scaleEdits, RELOADED, module::editProcessor));
                table.add(session.measure(size + "body edit of the class all use", scaleEdits, RELOADED,
                        module::editSharedBody));
                table.add(session.measure(size + "API edit of the class all use", scaleEdits, RELOADED,
                        module::editSharedApi));
            }
            if (stages == 500) {
                try (DevSession session = DevSession.start(copy.root(), "-Dwavecraft.incremental=false")) {
                    table.add(session.measure(size + "leaf edit, whole module compiled", scaleEdits, RELOADED,
                            i -> module.editProcessor(1000 + i)));
                }
            }
        }
        ThreeModuleReactor reactor = ThreeModuleReactor.write(directory.resolve("reactor"));
        try (DevSession session = DevSession.start(reactor.root(), "-pl", "gain", "-am")) {
            table.add(session.measure("3-module reactor, edit in the bottom module", edits, SHOWN,
                    reactor::editBottom));
        }
        table.add(Measured.withoutStages("example, stop, mvn compile, restart", restartLoop(example, rounds)));

        String report = table.render();
        System.out.println(report);
        Path out = Path.of("target", "bench", "save-to-screen.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + System.lineSeparator());
    }

    /**
     * The example's CPU per block with compare off and on, then {@code edits} saves with compare on
     * after one that is not counted (the server's first reload, slower, has its own row above).
     */
    private static void workbench(ExampleCopy shipped, int edits, BenchTable table) throws Exception {
        try (DevSession session = DevSession.start(shipped.root())) {
            WorkbenchFigures workbench = new WorkbenchFigures(session);
            table.note(workbench.cpuPerBlock());
            DevSession.Edit edit = i -> shipped.write(ExampleCopy.PROCESSOR, BenchSources.processor(i));
            session.measure("", 1, SHOWN, edit);
            JsonObject before = session.audioStatus();
            table.add(session.measure("example, compare on", edits, SHOWN, edit));
            table.note(session.audioCost("these " + edits + " reloads with compare on", before) + "; "
                    + workbench.compareState());
        }
    }

    /** The loop without a dev mode: edit, stop the server, compile, start it, ask for the parameters. */
    private static List<Long> restartLoop(ExampleCopy example, int rounds) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            long start = System.nanoTime();
            example.write(ExampleCopy.PROCESSOR, BenchSources.processor(2000 + i));
            try (BackgroundMaven compile = BackgroundMaven.start(example.root(), "-q", "compile")) {
                compile.awaitExit(DevSession.WAIT);
            }
            try (BackgroundMaven maven = BackgroundMaven.start(example.root(), "wavecraft:run",
                    "-Dwavecraft.watch=false", "-Dwavecraft.port=0");
                    RpcTestClient browser = RpcTestClient.connect(maven.awaitDevServerPort(DevSession.WAIT))) {
                browser.call("getAllParameters", null);
                times.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }
        return times;
    }
}
