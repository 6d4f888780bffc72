package dev.wavecraft.devserver.http;

import dev.wavecraft.devserver.rpc.RpcDispatcher;
import dev.wavecraft.devserver.rpc.SessionMethods;
import dev.wavecraft.protocol.options.HttpOptions;

/** The real HTTP side with only the session methods (ping): all that the request checks need behind them. */
final class PingOnlyServer {

    private PingOnlyServer() {
    }

    static DevHttpServer start(HttpOptions options) throws PortInUseException {
        return DevHttpServer.start(options, new RpcDispatcher(new SessionMethods().methods(), 100), new ClientRegistry());
    }
}
