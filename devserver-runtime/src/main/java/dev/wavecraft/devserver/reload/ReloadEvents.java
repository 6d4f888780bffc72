package dev.wavecraft.devserver.reload;

import dev.wavecraft.protocol.reload.Diagnostic;
import dev.wavecraft.protocol.reload.LayoutChange;
import java.util.List;

/** What the browsers are told about builds and reloads. */
public interface ReloadEvents {

    void buildStarted(List<String> files, String trigger);

    void buildFailed(List<Diagnostic> diagnostics, String output);

    void reloadFailed(String stage, String message, String detail);

    void reloaded(int generation, LayoutChange change, long totalMs);

    /** Files of the user's own UI folder changed; {@code files} are their URL paths under {@code /ui/}. */
    void uiChanged(List<String> files);
}
