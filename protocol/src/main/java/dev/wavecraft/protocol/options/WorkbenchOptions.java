package dev.wavecraft.protocol.options;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the dev server keeps what outlives one run: the session (values, input and compare
 * settings, under {@code target/wavecraft}, so {@code mvn clean} resets it) and the presets (in the
 * project's sources, to be committed).
 *
 * @param sessionFile where the session is written as it changes; none keeps no session
 * @param restoreSession whether the session the last run left is read back at start
 * @param presetsDirectory where presets are saved and loaded; none answers the preset methods with an error
 */
public record WorkbenchOptions(Optional<Path> sessionFile, boolean restoreSession, Optional<Path> presetsDirectory) {

    /** No session, no presets: what a server started by a test gets unless it asks. */
    public static final WorkbenchOptions NONE = new WorkbenchOptions(Optional.empty(), false, Optional.empty());

    public WorkbenchOptions {
        sessionFile = sessionFile == null ? Optional.empty() : sessionFile;
        presetsDirectory = presetsDirectory == null ? Optional.empty() : presetsDirectory;
    }

    public WorkbenchOptions withSession(Path file, boolean restore) {
        return new WorkbenchOptions(Optional.of(file), restore, presetsDirectory);
    }

    public WorkbenchOptions withPresetsDirectory(Path directory) {
        return new WorkbenchOptions(sessionFile, restoreSession, Optional.of(directory));
    }
}
