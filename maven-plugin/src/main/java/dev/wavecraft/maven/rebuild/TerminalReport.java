package dev.wavecraft.maven.rebuild;

import dev.wavecraft.protocol.control.ControlMessages.Reloaded;
import dev.wavecraft.protocol.launch.LaunchEvent;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.reload.Diagnostic;
import dev.wavecraft.protocol.reload.LayoutChange;
import dev.wavecraft.protocol.reload.StageChange;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * What the developer reads in the terminal about each save. Marks and colour only in an
 * interactive terminal without {@code NO_COLOR}; plain words in batch mode and CI logs.
 */
public final class TerminalReport {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int FILES_SHOWN = 3;

    private final Log log;
    private final boolean fancy;

    /** @param fancy whether marks and colour may be used (interactive, no NO_COLOR) */
    public TerminalReport(Log log, boolean fancy) {
        this.log = log;
        this.fancy = fancy;
    }

    /** The server is up: where to open it, and what to know when it listens beyond this machine. */
    public void serverRunning(LaunchEvent ready, HttpOptions http, Path projectDirectory) {
        log.info("Wavecraft dev server running at " + ready.urlWithToken() + " (" + ready.processor() + ", "
                + parameters(ready.parameters()) + ").");
        if (ready.token() != null) {
            log.warn("It listens on " + http.host() + ", beyond this machine: every request needs the token in"
                    + " the URL above (a browser keeps it in a cookie; a tool sends Authorization: Bearer <token>)."
                    + " Other machines use this machine's address with the same port.");
        }
        http.uiDirectory().ifPresent(directory -> log.info("Serving " + projectDirectory.relativize(directory)
                + " at " + ready.url() + "ui/"));
    }

    void changed(List<String> files, String trigger) {
        String what = files.isEmpty() ? "Rebuild requested (" + trigger + ")"
                : (files.size() == 1 ? "File changed: " : "Files changed: ") + shortList(files);
        log.info("[" + LocalTime.now().format(CLOCK) + "] " + what);
        log.info("Rebuilding...");
    }

    void buildFailed(BuildResult result) {
        failed("Build failed (old code still running):", result);
    }

    /** The build before the server starts failed: there is no old code to keep running. */
    public void initialBuildFailed(BuildResult result) {
        failed("Initial build failed:", result);
    }

    private void failed(String headline, BuildResult result) {
        log.error(mark(false) + headline);
        if (result.problem() != null) {
            log.error("  " + result.problem());
        }
        for (Diagnostic diagnostic : result.diagnostics()) {
            log.error("  " + diagnostic.file() + ":" + diagnostic.line() + ":" + diagnostic.column() + ": "
                    + diagnostic.message());
        }
        if (result.diagnostics().isEmpty() && result.problem() == null) {
            List<String> lines = result.output().lines().filter(line -> line.startsWith("[ERROR]")).limit(10)
                    .toList();
            lines.forEach(line -> log.error("  " + line));
        }
    }

    void reloaded(long buildMs, Reloaded reloaded, long fromSaveMs) {
        LayoutChange change = reloaded.change();
        int count = change.kept().size() + change.added().size() + change.reset().size();
        log.info(mark(true) + "Build succeeded in " + seconds(buildMs) + ": " + parameters(count) + " (+"
                + change.added().size() + " new, -" + change.removed().size() + " removed)");
        if (!change.reset().isEmpty()) {
            log.warn("  Reset to their defaults because their kind changed: " + String.join(", ", change.reset()));
        }
        if (reloaded.message() != null) {
            log.warn("  " + reloaded.message());
        }
        if (reloaded.heard()) {
            log.info(mark(true) + "Hot-reload complete: generation " + reloaded.generation() + ", "
                    + seconds(fromSaveMs) + " from save" + stages(reloaded.stageChange()));
        } else {
            log.warn(mark(false) + "Generation " + reloaded.generation() + " is loaded but not heard yet: the audio"
                    + " thread did not take it up within a few block periods, most likely because it is stuck in"
                    + " process() of the generation before. The audio watchdog replaces a stuck audio thread;"
                    + " generation " + reloaded.generation() + " is heard once the audio thread takes it up.");
        }
    }

    /** "; stages added: osc; removed: filter", "; stages reordered", or nothing when the chain kept its stages. */
    static String stages(StageChange change) {
        List<String> parts = new ArrayList<>();
        if (!change.added().isEmpty()) {
            parts.add("added: " + String.join(", ", change.added()));
        }
        if (!change.removed().isEmpty()) {
            parts.add("removed: " + String.join(", ", change.removed()));
        }
        if (change.reordered()) {
            parts.add("reordered");
        }
        return parts.isEmpty() ? "" : "; stages " + String.join("; ", parts);
    }

    /** "1 parameter", "3 parameters". */
    public static String parameters(int count) {
        return count + (count == 1 ? " parameter" : " parameters");
    }

    void reloadFailed(Reloaded reloaded) {
        log.error(mark(false) + "Reload failed at " + reloaded.stage() + " (old code still running):");
        log.error("  " + reloaded.message());
    }

    void uiChanged(List<String> files) {
        log.info("[" + LocalTime.now().format(CLOCK) + "] UI changed: " + shortList(files) + " (pages updated, no build)");
    }

    void skipped(List<String> files) {
        log.debug("No content changed in " + shortList(files) + "; nothing to build");
    }

    void autoReloadPaused(String reason) {
        log.warn(mark(false) + reason);
    }

    void autoReloadResumed() {
        log.info(mark(true) + "Auto-reload is on again.");
    }

    void problem(String message) {
        log.error(mark(false) + message);
    }

    private String mark(boolean ok) {
        if (!fancy) {
            return "";
        }
        return ok ? "\u001B[32m\u2713\u001B[0m " : "\u001B[31m\u2717\u001B[0m ";
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    private static String shortList(List<String> files) {
        String shown = String.join(", ", files.subList(0, Math.min(FILES_SHOWN, files.size())));
        return files.size() > FILES_SHOWN ? shown + " (+" + (files.size() - FILES_SHOWN) + " more)" : shown;
    }
}
