package dev.wavecraft.devserver.http;

import dev.wavecraft.devserver.rpc.Broadcaster;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The connected browsers, for notifications. */
public final class ClientRegistry implements Broadcaster {

    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();

    void add(ClientSession session) {
        sessions.add(session);
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
