package com.example.plugin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The module's own integration test, talking to the server wavecraft:start left running. */
class DevServerIT {

    private final String url = System.getProperty("wavecraft.url");

    @Test
    void servesTheParametersDeclaredInTheDspModule() throws Exception {
        assertTrue(url.endsWith(":" + System.getProperty("wavecraft.port") + "/"), url);
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url.replace("http:", "ws:")), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            reply.complete(text.toString());
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getAllParameters\"}", true);
        String answer = reply.get(10, TimeUnit.SECONDS);
        assertTrue(answer.contains("\"id\":\"drive\""), answer);
        assertTrue(answer.contains("\"id\":\"mix\""), answer);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }
}
