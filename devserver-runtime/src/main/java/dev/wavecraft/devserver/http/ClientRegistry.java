package dev.wavecraft.devserver.http;

import dev.wavecraft.devserver.rpc.Broadcaster;
import io.undertow.websockets.core.WebSocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The connected browsers, for notifications; a browser that falls behind is dropped and counted. */
public final class ClientRegistry implements Broadcaster {

    private static final System.Logger LOG = System.getLogger(ClientRegistry.class.getName());

    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong closedForFallingBehind = new AtomicLong();
    private final List<Supplier<Optional<String>>> greetings = new CopyOnWriteArrayList<>();
    private final List<Consumer<Object>> leaveListeners = new CopyOnWriteArrayList<>();

    /**
     * Adds what each browser gets first when it connects, if anything (a build failure it missed,
     * the session the server started from); greetings go out in the order they were added.
     */
    public void greetWith(Supplier<Optional<String>> greeting) {
        greetings.add(greeting);
    }

    /** {@code listener} hears of each client (the caller RPC methods see) whose connection closed. */
    public void whenLeft(Consumer<Object> listener) {
        leaveListeners.add(listener);
    }

    /** A session for a new connection, registered and greeted; it leaves when the connection closes. */
    ClientSession open(WebSocketChannel channel) {
        ClientSession session = new ClientSession(channel, SendBacklog.withDefaults(), this::fellBehind);
        channel.addCloseTask(closed -> {
            sessions.remove(session);
            leaveListeners.forEach(listener -> listener.accept(session));
        });
        sessions.add(session);
        for (Supplier<Optional<String>> greeting : greetings) {
            greeting.get().ifPresent(session::send);
        }
        return session;
    }

    private void fellBehind(ClientSession session) {
        sessions.remove(session);
        long count = closedForFallingBehind.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "Closed " + session.describe() + " with 1008: it read too slowly and fell"
                + " behind by over " + session.bounds() + " (" + count + " slow client" + (count == 1 ? "" : "s")
                + " closed so far)");
    }

    @Override
    public void broadcast(String text, Object origin) {
        for (ClientSession session : sessions) {
            if (session != origin) {
                session.send(text);
            }
        }
    }

    public int size() {
        return sessions.size();
    }

    /** How many clients were closed because they fell behind, since the start. */
    public long closedForFallingBehind() {
        return closedForFallingBehind.get();
    }
}
