/**
 * The browser protocol, JSON-RPC 2.0 as on the site's protocol page: {@link RpcDispatcher} (one
 * frame in, at most one out, never throws on client input), the method groups {@link
 * ParameterMethods}, {@link ReloadMethods}, {@link AudioMethods} and {@link SessionMethods}, all
 * names in {@link RpcNames}, and the notifiers that turn server events into notifications ({@link
 * ReloadNotifier}, {@link AudioNotifier}, {@link ParameterChangedNotifier}) through a {@link
 * Broadcaster}. The one Gson configuration, which the control channel and the launch line use too,
 * is the protocol module's {@code protocol.json.Json}. Transport (Undertow, sessions, request
 * checks) is {@code http}'s.
 */
package dev.wavecraft.devserver.rpc;
