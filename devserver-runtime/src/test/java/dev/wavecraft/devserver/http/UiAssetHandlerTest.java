package dev.wavecraft.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.rpc.RpcDispatcher;
import dev.wavecraft.protocol.options.HttpOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in UI's files over real HTTP: content types, and revalidation instead of stale caching. */
class UiAssetHandlerTest {

    private static DevHttpServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = DevHttpServer.start(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()),
                new RpcDispatcher(Map.of(), 10), new ClientRegistry());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesEachKindOfAssetWithItsContentTypeNoCacheAndAContentETag() throws Exception {
        Map<String, String> types = Map.of(
                "/", "text/html; charset=utf-8",
                "/index.html", "text/html; charset=utf-8",
                "/app.css", "text/css; charset=utf-8",
                "/app.js", "text/javascript; charset=utf-8",
                "/wavecraft/client.js", "text/javascript; charset=utf-8",
                "/dashboard/overlay.js", "text/javascript; charset=utf-8");
        for (Map.Entry<String, String> expected : types.entrySet()) {
            HttpResponse<String> response = get(expected.getKey(), Map.of());

            assertThat(response.statusCode()).as(expected.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(expected.getKey()).contains(expected.getValue());
            assertThat(response.headers().firstValue("Cache-Control")).as(expected.getKey()).contains("no-cache");
            assertThat(response.headers().firstValue("ETag")).as(expected.getKey())
                    .hasValueSatisfying(etag -> assertThat(etag).matches("\"[0-9a-f]{32}\""));
            assertThat(response.headers().firstValue("Last-Modified")).as(expected.getKey()).isEmpty();
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
        assertThat(get("/wavecraft/client.js", Map.of()).body()).contains("export class WavecraftClient");
    }

    @Test
    void answersARevalidationWith304WhileTheContentIsTheSameAndWithTheFileOtherwise() throws Exception {
        String etag = get("/app.js", Map.of()).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> unchanged = get("/app.js", Map.of("If-None-Match", etag));
        HttpResponse<String> weakList = get("/app.js", Map.of("If-None-Match", "\"other\", W/" + etag));
        HttpResponse<String> changed = get("/app.js", Map.of("If-None-Match", "\"an-older-version\""));

        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).contains(etag);
        assertThat(weakList.statusCode()).isEqualTo(304);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("import");
        assertThat(get("/app.css", Map.of()).headers().firstValue("ETag")).isNotEqualTo(Optional.of(etag));
    }

    @Test
    void servesNothingButPageFilesFromInsideTheUiFolder() throws Exception {
        assertThat(get("/missing.js", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/dashboard", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/dev/wavecraft/devserver/http/DevHttpServer.class", Map.of()).statusCode()).isEqualTo(404);
        assertThat(rawStatusLine("GET /../http/UiAssetHandler.class HTTP/1.1")).contains(" 404");
        assertThat(rawStatusLine("GET /%2e%2e/%2e%2e/DevServer.class HTTP/1.1")).contains(" 404");
        assertThat(rawStatusLine("GET /..%2f..%2fui%2findex.html HTTP/1.1")).doesNotContain(" 200");
    }

    @Test
    void answersHeadWithoutABodyAndRefusesOtherMethods() throws Exception {
        HttpResponse<String> head = HTTP.send(request("/app.css", Map.of()).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = HTTP.send(request("/app.css", Map.of()).POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        return HTTP.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        headers.forEach(builder::header);
        return builder;
    }

    private static String rawStatusLine(String requestLine) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.lines().findFirst().orElse("");
        }
    }
}
