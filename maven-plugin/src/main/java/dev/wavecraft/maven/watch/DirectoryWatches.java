package dev.wavecraft.maven.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One WatchService and the directory each of its keys stands for. Used by the watcher thread
 * only, except {@link #close()}, which may come from any thread and wakes a waiting poll.
 */
final class DirectoryWatches implements AutoCloseable {

    private static final WatchEvent.Kind<?>[] KINDS = {ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY};

    private final WatchService service;
    private final WatchEvent.Modifier[] modifiers = pollingSensitivity();
    private final Map<WatchKey, Path> dirs = new HashMap<>();

    DirectoryWatches(WatchService service) {
        this.service = service;
    }

    void register(Path dir) throws IOException {
        dirs.put(dir.register(service, KINDS, modifiers), dir);
    }

    WatchKey poll(long nanos) throws InterruptedException {
        return service.poll(nanos, TimeUnit.NANOSECONDS);
    }

    WatchKey pollNow() {
        return service.poll();
    }

    /** The directory of a key, or null for a key we already forgot (its events are stale). */
    Path dirOf(WatchKey key) {
        return dirs.get(key);
    }

    void forget(WatchKey key) {
        key.cancel();
        dirs.remove(key);
    }

    /**
     * Cancels the watches of {@code path} and every directory under it, and returns those
     * directories. Needed when a directory is deleted or moved away: a moved directory keeps its
     * watch, and its later events would otherwise be taken for events at the old place.
     */
    List<Path> forgetUnder(Path path) {
        List<Path> forgotten = new ArrayList<>();
        for (Iterator<Map.Entry<WatchKey, Path>> it = dirs.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<WatchKey, Path> entry = it.next();
            if (entry.getValue().startsWith(path)) {
                entry.getKey().cancel();
                forgotten.add(entry.getValue());
                it.remove();
            }
        }
        return forgotten;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Nothing left to do with a WatchService that fails to close; its thread is a daemon.
        }
    }

    /**
     * On macOS the JDK's WatchService polls, every 10 s by default; ask for its highest sensitivity
     * (2 s). Looked up by name because the modifier is JDK-specific and deprecated in newer JDKs.
     */
    private static WatchEvent.Modifier[] pollingSensitivity() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("mac")) {
            return new WatchEvent.Modifier[0];
        }
        try {
            Class<?> type = Class.forName("com.sun.nio.file.SensitivityWatchEventModifier");
            return new WatchEvent.Modifier[] {(WatchEvent.Modifier) type.getField("HIGH").get(null)};
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new WatchEvent.Modifier[0];
        }
    }
}
