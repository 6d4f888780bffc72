package dev.wavecraft.devserver.http;

import io.undertow.server.HttpServerExchange;
import java.util.Optional;

/** One rule every request must pass; a refusal answers the request before any handler or handshake. */
interface RequestCheck {

    Optional<Refusal> check(HttpServerExchange exchange);
}
