package dev.wavecraft.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.options.AudioOptions;
import dev.wavecraft.protocol.options.DevServerOptions;
import dev.wavecraft.protocol.options.HttpOptions;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounds on what one WebSocket message may ask of the real server, with its default frame
 * limit of 1 MiB: batch length, nesting depth and size. None of them costs the server its
 * connection to anybody else, or a stack overflow.
 */
class DevServerLimitsTest {

    private static final int DEEP = 100_000;

    @TempDir
    static Path project;

    private static DevServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = DevServer.start(new DevServerOptions(CompiledProject.example(project).classpathFile())
                .withHttp(new HttpOptions("127.0.0.1", 0, DevServerOptions.DEFAULT_MAX_FRAME_BYTES, List.of()))
                .withAudio(new AudioOptions(512, InputSpec.silence(), false, 0)), "limits-secret", () -> { });
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Test
    void answersABatchOverOneHundredRequestsWithOneInvalidRequestError() {
        try (RpcTestClient client = RpcTestClient.connect(server.port())) {
            client.send(pings(101));
            JsonObject refused = JsonParser.parseString(client.nextReplyFrame()).getAsJsonObject();

            assertThat(refused.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32600);
            assertThat(refused.getAsJsonObject("error").get("message").getAsString()).contains("at most 100");
            assertThat(refused.get("id").isJsonNull()).isTrue();

            client.send(pings(100));
            JsonArray replies = JsonParser.parseString(client.nextReplyFrame()).getAsJsonArray();
            assertThat(replies).hasSize(100).allSatisfy(reply -> assertThat(reply.getAsJsonObject().has("result")).isTrue());
        }
    }

    @Test
    void refusesAHundredThousandLevelsOfNestingWithoutAStackOverflowAndKeepsTheConnection() {
        List<String> deepFrames = List.of(
                "[".repeat(DEEP),
                "[".repeat(DEEP) + "]".repeat(DEEP),
                "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}");
        try (RpcTestClient client = RpcTestClient.connect(server.port())) {
            for (String frame : deepFrames) {
                client.send(frame);
                JsonObject reply = JsonParser.parseString(client.nextReplyFrame()).getAsJsonObject();

                assertThat(reply.getAsJsonObject("error").get("code").getAsInt()).as(frame.substring(0, 20))
                        .isEqualTo(-32600);
                assertThat(reply.getAsJsonObject("error").get("message").getAsString())
                        .isEqualTo("Invalid Request: nesting deeper than 64 levels");
            }
            assertThat(client.call("ping", null).has("result")).isTrue();
            assertThat(client.isClosedByServer()).isFalse();
        }
    }

    @Test
    void closesAConnectionWhoseMessageIsOverTheLimitWith1009AndStillServesNewOnes() {
        try (RpcTestClient client = RpcTestClient.connect(server.port());
                RpcTestClient bystander = RpcTestClient.connect(server.port())) {
            client.send("\"" + "x".repeat(DevServerOptions.DEFAULT_MAX_FRAME_BYTES) + "\"");

            assertThat(client.awaitCloseCode()).isEqualTo(1009);
            assertThat(bystander.call("ping", null).has("result")).isTrue();
        }
        try (RpcTestClient next = RpcTestClient.connect(server.port())) {
            assertThat(next.call("ping", null).has("result")).isTrue();
        }
    }

    private static String pings(int count) {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (int id = 1; id <= count; id++) {
            batch.add("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":" + id + "}");
        }
        return batch.toString();
    }
}
