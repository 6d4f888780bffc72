package dev.wavecraft.devserver.http;

import dev.wavecraft.devserver.rpc.Broadcaster;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** The connected browsers, for notifications. */
public final class ClientRegistry implements Broadcaster {

    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final List<Supplier<Optional<String>>> greetings = new CopyOnWriteArrayList<>();

    /**
     * Adds what each browser gets first when it connects, if anything (a build failure it missed,
     * the session the server started from); greetings go out in the order they were added.
     */
    public void greetWith(Supplier<Optional<String>> greeting) {
        greetings.add(greeting);
    }

    void add(ClientSession session) {
        sessions.add(session);
        for (Supplier<Optional<String>> greeting : greetings) {
            greeting.get().ifPresent(session::send);
        }
    }

    void remove(ClientSession session) {
        sessions.remove(session);
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
}
