package dev.wavecraft.devserver.http;

import dev.wavecraft.devserver.rpc.Broadcaster;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;

/** The connected browsers, for notifications. */
public final class ClientRegistry implements Broadcaster {

    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile Supplier<Optional<String>> greeting = Optional::empty;

    /** What each browser gets first when it connects, if anything (a build failure it missed). */
    public void greetWith(Supplier<Optional<String>> greeting) {
        this.greeting = greeting;
    }

    void add(ClientSession session) {
        sessions.add(session);
        greeting.get().ifPresent(session::send);
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
