package dev.wavecraft.devserver;

import static dev.wavecraft.devserver.testing.RpcTestClient.valueParams;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real runtime on port 0, serving the example processor's real classes to real WebSocket clients. */
class DevServerWebSocketTest {

    private static final int MAX_FRAME_BYTES = 4096;

    @TempDir
    static Path project;

    private static DevServer server;

    @BeforeAll
    static void startServer() throws Exception {
        Path classpathFile = CompiledProject.example(project).classpathFile();
        server = DevServer.start(new DevServerOptions(classpathFile)
                .withHttp(new HttpOptions("127.0.0.1", 0, MAX_FRAME_BYTES, List.of())), "test-secret", () -> { });
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Test
    void servesTheExampleParametersInDeclarationOrder() {
        try (RpcTestClient client = RpcTestClient.connect(server.port())) {
            JsonArray parameters = client.call("getAllParameters", null)
                    .getAsJsonObject("result").getAsJsonArray("parameters");

            assertThat(ids(parameters)).containsExactly("drive", "curve", "gain", "bypass");
            JsonObject gain = parameters.get(2).getAsJsonObject();
            assertThat(gain.get("type").getAsString()).isEqualTo("float");
            assertThat(gain.get("unit").getAsString()).isEqualTo("dB");
            assertThat(gain.get("group").getAsString()).isEqualTo("Output");
            assertThat(gain.get("min").getAsDouble()).isEqualTo(-60.0);
            JsonObject curve = parameters.get(1).getAsJsonObject();
            assertThat(curve.get("type").getAsString()).isEqualTo("enum");
            assertThat(curve.getAsJsonArray("variants")).hasSize(3);
            assertThat(parameters.get(3).getAsJsonObject().get("type").getAsString()).isEqualTo("bool");
        }
    }

    @Test
    void tellsOtherClientsAboutAChangeButNotTheClientThatMadeIt() {
        try (RpcTestClient setter = RpcTestClient.connect(server.port());
                RpcTestClient watcher = RpcTestClient.connect(server.port())) {
            watcher.call("ping", null);

            JsonObject reply = setter.call("setParameter", valueParams("drive", 6.5));

            assertThat(reply.getAsJsonObject("result").entrySet()).isEmpty();
            JsonObject change = watcher.notification("parameterChanged").getAsJsonObject("params");
            assertThat(change.get("id").getAsString()).isEqualTo("drive");
            assertThat(change.get("value").getAsDouble()).isEqualTo(6.5);
            // The setter's next message is the reply to its ping: no echo of its own change came before.
            JsonObject next = setter.call("ping", null);
            assertThat(next.has("result")).isTrue();
            assertThat(setter.poll(Duration.ofMillis(200))).isNull();
            assertThat(setter.valueOf("drive")).isEqualTo(6.5);
        }
    }

    @Test
    void refusesAnOutOfRangeValueWithMinus32001AndKeepsTheOldValue() {
        try (RpcTestClient client = RpcTestClient.connect(server.port())) {
            double before = client.valueOf("gain");

            JsonObject reply = client.call("setParameter", valueParams("gain", 40));

            assertThat(reply.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32001);
            assertThat(client.valueOf("gain")).isEqualTo(before);
        }
    }

    @Test
    void answersMalformedFramesWithoutClosingOrDisturbingOthers() {
        try (RpcTestClient sloppy = RpcTestClient.connect(server.port());
                RpcTestClient other = RpcTestClient.connect(server.port())) {
            sloppy.send("{not json");
            assertThat(sloppy.nextFrame()).contains("-32700");
            sloppy.send("[]");
            assertThat(sloppy.nextFrame()).contains("-32600");

            assertThat(sloppy.call("ping", null).has("result")).isTrue();
            assertThat(other.call("ping", null).has("result")).isTrue();
            assertThat(sloppy.isClosedByServer()).isFalse();
        }
    }

    @Test
    void echoesAnIdHoldingLoneSurrogatesExactly() {
        try (RpcTestClient client = RpcTestClient.connect(server.port())) {
            // Valid JSON escapes (JSON.stringify writes them) that UTF-8 cannot carry as raw chars.
            client.send("{\"jsonrpc\": \"2.0\", \"method\": \"ping\", \"id\": \"a\\ud800b\\udfff\\ud83c\\udfb5\"}");

            JsonObject reply = JsonParser.parseString(client.nextFrame()).getAsJsonObject();

            assertThat(reply.get("id").getAsString()).isEqualTo("a\ud800b\udfff\ud83c\udfb5");
            assertThat(reply.has("result")).isTrue();
        }
    }

    @Test
    void closesWith1003OnABinaryFrame() {
        try (RpcTestClient client = RpcTestClient.connect(server.port())) {
            client.sendBinary(new byte[] {1, 2, 3});

            assertThat(client.awaitCloseCode()).isEqualTo(1003);
        }
    }

    @Test
    void closesWith1009OnAFrameOverTheLimit() {
        try (RpcTestClient client = RpcTestClient.connect(server.port())) {
            client.send("\"" + "x".repeat(MAX_FRAME_BYTES * 2) + "\"");

            assertThat(client.awaitCloseCode()).isEqualTo(1009);
        }
    }

    @Test
    void servesTheRpcChannelOnTheRootPathToo() {
        try (RpcTestClient client = RpcTestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"),
                Map.of())) {
            assertThat(client.call("ping", null).has("result")).isTrue();
        }
    }

    @Test
    void servesThePageAtTheRootWithItsContentType() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(page.body()).contains("<html");
    }

    @Test
    void refusesAHostThatIsNotLoopback() throws IOException {
        assertThat(rawRequest("GET / HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\n\r\n"))
                .startsWith("HTTP/1.1 403");
        assertThat(rawRequest("GET / HTTP/1.1\r\nHost: localhost:1\r\n\r\n")).startsWith("HTTP/1.1 403");
        assertThat(rawRequest("GET / HTTP/1.1\r\nHost: app.localhost:" + server.port() + "\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void refusesAWebSocketFromAForeignOriginBeforeTheHandshake() {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
        for (String origin : List.of("http://evil.example", "http://localhost.evil.example:" + server.port(),
                "null", "http://127.0.0.1.nip.io:" + server.port())) {
            assertThat(RpcTestClient.handshakeRefused(uri, Map.of("Origin", origin))).as("origin %s", origin).isTrue();
        }
        try (RpcTestClient own = RpcTestClient.connect(uri, Map.of("Origin", "http://localhost:" + server.port()))) {
            assertThat(own.call("ping", null).has("result")).isTrue();
        }
    }

    private static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int read = in.readNBytes(head, 0, head.length);
            return new String(head, 0, read, StandardCharsets.US_ASCII);
        }
    }

    private static List<String> ids(JsonArray parameters) {
        return StreamSupport.stream(parameters.spliterator(), false)
                .map(parameter -> parameter.getAsJsonObject().get("id").getAsString())
                .collect(Collectors.toList());
    }
}
