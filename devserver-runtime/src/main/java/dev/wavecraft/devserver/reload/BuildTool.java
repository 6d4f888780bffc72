package dev.wavecraft.devserver.reload;

/** The process that watches and builds (the wavecraft:run goal), as the server can ask it things. */
public interface BuildTool {

    /** Rebuild and reload now, even with auto-reload off. */
    void requestBuild();

    void autoReloadChanged(boolean enabled);

    /** A generation kept crashing and was rolled back; auto-reload waits for the next successful build. */
    void autoReloadPaused(String reason);
}
