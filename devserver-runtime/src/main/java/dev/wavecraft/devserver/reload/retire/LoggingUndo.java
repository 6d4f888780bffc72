package dev.wavecraft.devserver.reload.retire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SocketHandler;

/**
 * The {@code java.util.logging} setup of the live generation's code, taken back just before its
 * successor's code runs. Undoing it then, not at retirement, is what lets a successor that sets
 * the very same level keep it: afterwards, its setting could not be told from its predecessor's.
 */
public final class LoggingUndo {

    private final LoggingState server;
    private final LoggingState project;
    private final List<String> undone = new ArrayList<>();
    private final List<Handler> removedHandlers = new ArrayList<>();

    /** Sets every logger back to the server's own setup; remembers the project's. */
    static LoggingUndo undo(LoggingState server) {
        LoggingUndo undo = new LoggingUndo(server, LoggingState.capture());
        undo.setBack();
        return undo;
    }

    private LoggingUndo(LoggingState server, LoggingState project) {
        this.server = server;
        this.project = project;
    }

    /** The successor failed to load: the live generation gets its setup back, the failed code's goes. */
    public void reapply() {
        LoggingState now = LoggingState.capture();
        List<Handler> dropped = new ArrayList<>();
        for (String name : now.names()) {
            LoggingState.LoggerSetup wanted = project.has(name) ? project.of(name) : server.of(name);
            dropped.addAll(apply(name, now.of(name), wanted));
        }
        undone.clear();
        removedHandlers.clear();
        closeDetached(dropped);
    }

    /**
     * The successor is live: closes the file and socket handlers taken off (a project's own handler
     * class is not run) and says what was undone.
     */
    public List<String> finish() {
        closeDetached(removedHandlers);
        return List.copyOf(undone);
    }

    private void setBack() {
        for (String name : project.names()) {
            LoggingState.LoggerSetup had = project.of(name);
            LoggingState.LoggerSetup wanted = server.of(name);
            if (had.equals(wanted)) {
                continue;
            }
            if (!Objects.equals(had.level(), wanted.level())) {
                undone.add("level " + had.level() + " of " + describe(name));
            }
            had.handlers().stream().filter(handler -> !wanted.handlers().contains(handler)).forEach(handler -> {
                undone.add("handler " + handler.getClass().getName() + " of " + describe(name));
                removedHandlers.add(handler);
            });
            apply(name, had, wanted);
        }
    }

    /** Sets one logger from {@code now} to {@code wanted}; returns the handlers it took off. */
    private static List<Handler> apply(String name, LoggingState.LoggerSetup now, LoggingState.LoggerSetup wanted) {
        Logger logger = LogManager.getLogManager().getLogger(name);
        if (now.equals(wanted) || logger == null) {
            return List.of();
        }
        if (!Objects.equals(now.level(), wanted.level())) {
            logger.setLevel(wanted.level());
        }
        List<Handler> removed = now.handlers().stream().filter(handler -> !wanted.handlers().contains(handler))
                .toList();
        removed.forEach(logger::removeHandler);
        wanted.handlers().stream().filter(handler -> !now.handlers().contains(handler)).forEach(logger::addHandler);
        return removed;
    }

    /** Closes the file and socket handlers among {@code handlers} that no logger uses any more. */
    private void closeDetached(List<Handler> handlers) {
        LoggingState now = LoggingState.capture();
        for (Handler handler : handlers) {
            if ((handler instanceof FileHandler || handler instanceof SocketHandler) && !now.attached(handler)) {
                try {
                    handler.close();
                } catch (RuntimeException e) {
                    undone.add("(closing " + handler.getClass().getName() + " failed: " + e + ")");
                }
            }
        }
    }

    private static String describe(String logger) {
        return logger.isEmpty() ? "the root logger" : "logger '" + logger + "'";
    }
}
