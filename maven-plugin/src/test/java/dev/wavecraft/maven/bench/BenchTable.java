package dev.wavecraft.maven.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's table: per row, save to screen at p50, p95 and max, and the median of each stage
 * from the dev server's reload history (detection with the settle time, build, reload, notify).
 */
final class BenchTable {

    private static final List<String> STAGES = List.of("detectMs", "buildMs", "reloadMs", "notifyMs");
    private static final String FORMAT = "%-52s %5s %5s %5s   %6s %6s %6s %6s";

    private final String title;
    private final List<String> lines = new ArrayList<>();

    BenchTable(String title) {
        this.title = title;
    }

    void add(Measured row) {
        Percentiles total = new Percentiles(row.saveToScreen());
        List<String> cells = new ArrayList<>(List.of(row.name() + " (" + row.saveToScreen().size() + ")",
                String.valueOf(total.p(50)), String.valueOf(total.p(95)), String.valueOf(total.max())));
        for (String stage : STAGES) {
            cells.add(row.history().isEmpty() ? "-" : String.valueOf(new Percentiles(row.stage(stage)).p(50)));
        }
        lines.add(String.format(Locale.ROOT, FORMAT, cells.toArray()));
    }

    /** A line of its own under the rows, such as what the reloads cost the audio. */
    void note(String text) {
        lines.add(text);
    }

    String render() {
        List<String> all = new ArrayList<>();
        all.add(title);
        all.add(String.format(Locale.ROOT, "%-52s %-17s   %s", "", "save to screen, ms", "stage p50, ms"));
        all.add(String.format(Locale.ROOT, FORMAT, "row (edits)", "p50", "p95", "max", "detect", "build", "reload",
                "notify"));
        all.addAll(lines);
        return String.join(System.lineSeparator(), all);
    }
}
