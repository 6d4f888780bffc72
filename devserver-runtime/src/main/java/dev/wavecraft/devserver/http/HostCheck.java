package dev.wavecraft.devserver.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Optional;

/** Refuses a request whose Host is not this server (DNS rebinding), on plain requests and upgrades alike. */
final class HostCheck implements RequestCheck {

    private final HostPolicy policy;

    HostCheck(HostPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Optional<Refusal> check(HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (policy.allowsHost(host)) {
            return Optional.empty();
        }
        String names = policy.beyondLoopback() ? "a loopback name or an IP address" : "a loopback name";
        return Refusal.forbidden("Host '" + host + "' is not " + names + " with this server's port; open the dev"
                + " server at http://localhost:" + policy.port() + "/ or http://127.0.0.1:" + policy.port() + "/");
    }
}
