package dev.wavecraft.devserver.http;

import dev.wavecraft.devserver.rpc.RpcDispatcher;
import dev.wavecraft.devserver.rpc.SessionMethods;
import dev.wavecraft.protocol.options.HttpOptions;
import java.util.function.Consumer;

/** The real HTTP side with only the session methods (ping): all that the request checks need behind them. */
final class PingOnlyServer {

    private PingOnlyServer() {
    }

    static DevHttpServer start(HttpOptions options) throws PortInUseException {
        return DevHttpServer.start(options, new RpcDispatcher(new SessionMethods().methods(), 100), new ClientRegistry());
    }

    /** @param warnings takes what the server would print on its terminal */
    static DevHttpServer start(HttpOptions options, Consumer<String> warnings) throws PortInUseException {
        return DevHttpServer.start(options, new RpcDispatcher(new SessionMethods().methods(), 100),
                new ClientRegistry(), warnings);
    }
}
