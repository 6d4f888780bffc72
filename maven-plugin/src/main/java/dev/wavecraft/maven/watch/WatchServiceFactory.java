package dev.wavecraft.maven.watch;

import java.io.IOException;
import java.nio.file.WatchService;

/** Makes the watcher's WatchService; tests inject one that fails as the operating system would. */
@FunctionalInterface
interface WatchServiceFactory {
    WatchService newWatchService() throws IOException;
}
