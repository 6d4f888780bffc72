package dev.wavecraft.devserver.rpc;

/** Sends a notification frame to the connected clients. */
@FunctionalInterface
public interface Broadcaster {

    /** Sends {@code frame} to every client except {@code origin} (the one that caused it, if any). */
    void broadcast(String frame, Object origin);
}
