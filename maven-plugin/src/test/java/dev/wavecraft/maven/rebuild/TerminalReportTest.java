package dev.wavecraft.maven.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.reload.Diagnostic;
import dev.wavecraft.protocol.reload.LayoutChange;
import dev.wavecraft.protocol.reload.StageChange;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class TerminalReportTest {

    private final List<String> lines = new ArrayList<>();
    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            lines.add(content.toString());
        }

        @Override
        public void error(CharSequence content) {
            lines.add(content.toString());
        }
    };

    @Test
    void writesTheDesignedLinesWithoutMarksOrColourInBatchMode() {
        TerminalReport report = new TerminalReport(log, false);

        report.changed(List.of("src/main/java/com/example/Gain.java"), "change");
        report.reloaded(900, reloaded(), 1100);

        assertThat(lines.get(0)).matches("\\[\\d\\d:\\d\\d:\\d\\d\\] File changed: src/main/java/com/example/Gain.java");
        assertThat(lines).contains("Rebuilding...",
                "Build succeeded in 0.9s: 6 parameters (+2 new, -0 removed)",
                "Hot-reload complete: generation 4, 1.1s from save");
        assertThat(String.join("", lines)).doesNotContain("\u001B", "\u2713", "\u2717");
    }

    @Test
    void countsOneParameterInTheSingular() {
        TerminalReport report = new TerminalReport(log, false);

        report.reloaded(900, new Reloaded(1, true, 2, new LayoutChange(List.of("gain"), List.of(), List.of(),
                List.of()), 12, null, null, true, StageChange.NONE), 1100);

        assertThat(lines).contains("Build succeeded in 0.9s: 1 parameter (+1 new, -0 removed)");
        assertThat(TerminalReport.parameters(0)).isEqualTo("0 parameters");
    }

    @Test
    void namesTheStagesOfAChainThatAReloadAddedAndRemoved() {
        TerminalReport report = new TerminalReport(log, false);

        report.reloaded(900, new Reloaded(1, true, 5, new LayoutChange(List.of("osc_level"), List.of("filter_cutoff"),
                List.of("input_gain"), List.of()), 12, null, null, true,
                new StageChange(true, List.of("osc"), List.of("filter"), false)), 1100);

        assertThat(lines).contains("Hot-reload complete: generation 5, 1.1s from save; stages added: osc; removed: filter");
        assertThat(TerminalReport.stages(new StageChange(true, List.of(), List.of(), true)))
                .isEqualTo("; stages reordered");
        assertThat(TerminalReport.stages(new StageChange(true, List.of(), List.of("filter"), false)))
                .isEqualTo("; stages removed: filter");
        assertThat(TerminalReport.stages(StageChange.NONE)).isEmpty();
    }

    @Test
    void marksOutcomesInAnInteractiveTerminal() {
        TerminalReport report = new TerminalReport(log, true);

        report.buildFailed(new BuildResult(false, 800, List.of(new Diagnostic(
                "src/main/java/com/example/Gain.java", 35, 14, "error", "cannot find symbol: class Foo")), "", null));

        assertThat(lines.get(0)).contains("\u2717").endsWith("Build failed (old code still running):");
        assertThat(lines.get(1)).isEqualTo("  src/main/java/com/example/Gain.java:35:14: cannot find symbol: class Foo");
    }

    @Test
    void saysAGenerationIsLoadedButNotHeardInsteadOfCompleteWhileTheAudioThreadHasNotTakenItUp() {
        TerminalReport report = new TerminalReport(log, false);

        report.reloaded(900, notHeard(), 1100);

        assertThat(String.join("\n", lines)).doesNotContain("Hot-reload complete");
        assertThat(lines).contains("Build succeeded in 0.9s: 6 parameters (+2 new, -0 removed)");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Generation 4 is loaded but not heard yet: the audio thread"
                + " did not take it up within a few block periods, most likely because it is stuck in process() of"
                + " the generation before. The audio watchdog replaces a stuck audio thread; generation 4 is heard"
                + " once the audio thread takes it up.");
    }

    private static Reloaded reloaded() {
        return reloaded(true);
    }

    private static Reloaded notHeard() {
        return reloaded(false);
    }

    private static Reloaded reloaded(boolean heard) {
        return new Reloaded(1, true, 4, new LayoutChange(List.of("a", "b"), List.of(), List.of("c", "d", "e", "f"),
                List.of()), 12, null, null, heard, StageChange.NONE);
    }
}
