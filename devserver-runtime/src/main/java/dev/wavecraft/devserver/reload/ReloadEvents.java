package dev.wavecraft.devserver.reload;

import dev.wavecraft.protocol.reload.Diagnostic;
import dev.wavecraft.protocol.reload.LayoutChange;
import dev.wavecraft.protocol.reload.StageChange;
import java.util.List;

/** What the browsers are told about builds and reloads. */
public interface ReloadEvents {

    void buildStarted(List<String> files, String trigger);

    void buildFailed(List<Diagnostic> diagnostics, String output);

    void reloadFailed(String stage, String message, String detail);

    /** {@code stages}: the stages of a signal chain added or removed ({@link StageChange#NONE} for no chain). */
    void reloaded(int generation, LayoutChange change, StageChange stages, long totalMs);

    /** Files of the user's own UI folder changed; {@code files} are their URL paths under {@code /ui/}. */
    void uiChanged(List<String> files);
}
