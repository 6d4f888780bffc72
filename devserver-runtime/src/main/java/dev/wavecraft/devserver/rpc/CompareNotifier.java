package dev.wavecraft.devserver.rpc;

import dev.wavecraft.devserver.compare.CompareEvents;
import dev.wavecraft.devserver.compare.CompareView;

/**
 * Tells the browsers about compare's settings with {@code compareChanged}; the client that changed
 * them gets no echo.
 */
public final class CompareNotifier implements CompareEvents {

    private final Broadcaster clients;

    public CompareNotifier(Broadcaster clients) {
        this.clients = clients;
    }

    @Override
    public void compareChanged(CompareView view, Object origin) {
        clients.broadcast(RpcMessages.notification(RpcNames.COMPARE_CHANGED, CompareJson.view(view)), origin);
    }
}
