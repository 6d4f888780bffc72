package dev.wavecraft.maven.supervise;

import java.io.IOException;

/**
 * The server died before it answered a reload: the build it was loading killed it, or it was
 * killed meanwhile. The supervisor restarts it on the last classes that loaded and says why.
 */
public final class DiedWhileLoadingException extends IOException {

    private static final long serialVersionUID = 1L;

    DiedWhileLoadingException() {
        super("The dev server died while loading this build; it is restarted with the last classes that loaded"
                + " (see why above or below). Save again to load a fixed version.");
    }
}
