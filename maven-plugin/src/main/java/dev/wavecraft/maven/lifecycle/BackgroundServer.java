package dev.wavecraft.maven.lifecycle;

import dev.wavecraft.maven.fork.ForkedProcess;

/**
 * A server that {@code start} left running for later phases. Kept in the plugin context: holding
 * the process keeps its standard input open, and the server lives exactly as long as that pipe.
 *
 * @param hotReload the watcher and rebuild loop, when {@code start} watches
 * @param output where the server's output goes after it became ready
 */
public record BackgroundServer(ForkedProcess process, AutoCloseable hotReload, OutputLog output) {

    public static final String CONTEXT_KEY = "dev.wavecraft.backgroundServer";
}
