package dev.wavecraft.devserver.reload.retire;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** The level and handlers of every {@code java.util.logging} logger, at one moment. */
final class LoggingState {

    /** One logger's setup; handlers compare by identity. */
    record LoggerSetup(Level level, List<Handler> handlers) {
    }

    private final Map<String, LoggerSetup> loggers;

    private LoggingState(Map<String, LoggerSetup> loggers) {
        this.loggers = loggers;
    }

    static LoggingState capture() {
        LogManager manager = LogManager.getLogManager();
        Map<String, LoggerSetup> loggers = new HashMap<>();
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            if (logger != null) {
                loggers.put(name, new LoggerSetup(logger.getLevel(), List.of(logger.getHandlers())));
            }
        }
        return new LoggingState(loggers);
    }

    Set<String> names() {
        return loggers.keySet();
    }

    boolean has(String name) {
        return loggers.containsKey(name);
    }

    /** The logger's setup then; for a logger that did not exist, what the logging configuration gives it. */
    LoggerSetup of(String name) {
        LoggerSetup setup = loggers.get(name);
        return setup != null ? setup : new LoggerSetup(configuredLevel(name), List.of());
    }

    boolean attached(Handler handler) {
        return loggers.values().stream().anyMatch(setup -> setup.handlers().contains(handler));
    }

    private static Level configuredLevel(String name) {
        String level = LogManager.getLogManager().getProperty(name.isEmpty() ? ".level" : name + ".level");
        if (level == null) {
            return null;
        }
        try {
            return Level.parse(level.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
