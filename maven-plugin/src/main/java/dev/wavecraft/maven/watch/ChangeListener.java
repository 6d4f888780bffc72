package dev.wavecraft.maven.watch;

import java.nio.file.Path;
import java.util.Set;

/** Told about settled changes, on the watcher's own thread; a listener that throws is reported and the watcher goes on. */
public interface ChangeListener {

    /** Content really changed (or files were added or deleted) since the last report. */
    void changed(ChangeSet changes);

    /**
     * Events came, but every content hash equals the last reported state: a touch, an edit undone
     * before the quiet period ended, an editor that rewrote the same bytes.
     */
    void skipped(Set<Path> touched);
}
