/**
 * The browser side on Undertow: {@link DevHttpServer} serves the built-in UI from the jar ({@link
 * UiAssetHandler}), the user's UI folder under {@code /ui/}, and the JSON-RPC WebSocket ({@link
 * RpcWebSocketEndpoint}, one {@link ClientSession} per browser in the {@link ClientRegistry}).
 * Every request first passes the {@link RequestGuard}'s checks: Host (against DNS rebinding),
 * {@code Sec-Fetch-*}, the {@link AccessToken} when bound beyond loopback ({@code
 * protocol.options.BindAddress}, also used by the mojo), and the WebSocket Origin (the server's
 * own, a {@link PageOrigin} on loopback on any port, or one the user listed). The methods and
 * notifications themselves are in {@code rpc}; this package only carries frames.
 */
package dev.wavecraft.devserver.http;
