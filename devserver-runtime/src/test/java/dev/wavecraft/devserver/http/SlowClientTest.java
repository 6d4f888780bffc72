package dev.wavecraft.devserver.http;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wavecraft.devserver.rpc.RpcDispatcher;
import dev.wavecraft.devserver.rpc.SessionMethods;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.devserver.testing.SilentReader;
import dev.wavecraft.protocol.options.HttpOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading is cut off once what waits for it passes the send limits, with a
 * close frame saying so (which it gets if it ever reads again), and counted; new clients are served.
 */
class SlowClientTest {

    /** 10 MiB in all: more than the kernel's socket buffers and the 1 MiB limit together. */
    private static final int BROADCASTS = 10_000;
    private static final String KIB_NOTIFICATION =
            "{\"jsonrpc\":\"2.0\",\"method\":\"filler\",\"params\":\"" + "x".repeat(980) + "\"}";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void closesAClientThatReadsNothingWith1008NamingTheLimitAndCountsIt() throws Exception {
        ClientRegistry clients = new ClientRegistry();
        try (DevHttpServer server = DevHttpServer.start(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()),
                        new RpcDispatcher(new SessionMethods().methods(), 100), clients);
                SilentReader silent = SilentReader.connect(server.port())) {
            waitFor("the silent client registered", WAIT).until(clients::size, size -> size == 1);

            for (int i = 0; i < BROADCASTS && clients.size() > 0; i++) {
                clients.broadcast(KIB_NOTIFICATION, null);
            }
            waitFor("the silent client counted as fallen behind", WAIT)
                    .until(clients::closedForFallingBehind, closed -> closed == 1);
            SilentReader.Ending ending = silent.readToEnd(WAIT);

            assertThat(ending.closeCode()).hasValue(1008);
            assertThat(ending.closeReason()).contains("1000 frames").contains("1 MiB");
            assertThat(ending.textFrames()).isLessThan(BROADCASTS);
            assertThat(clients.size()).isZero();
            try (RpcTestClient next = RpcTestClient.connect(server.port())) {
                assertThat(next.call("ping", null).has("result")).isTrue();
            }
        }
    }
}
