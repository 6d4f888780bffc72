package dev.wavecraft.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wavecraft.devserver.testing.RawHttp;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.options.HttpOptions;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real server bound to the wildcard address, which reaches beyond loopback: every HTTP request
 * and WebSocket upgrade needs its token, by query, cookie or bearer header.
 */
class AccessTokenTest {

    private static DevHttpServer server;
    private static int port;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        server = startOn("0.0.0.0");
        port = server.port();
        token = server.accessToken().orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void makesA256BitUrlSafeTokenOnlyWhenBoundBeyondLoopback() throws Exception {
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + port + "/");
        try (DevHttpServer loopback = startOn("127.0.0.1"); DevHttpServer another = startOn("0.0.0.0")) {
            assertThat(loopback.accessToken()).isEmpty();
            assertThat(another.accessToken()).get().isNotEqualTo(token);
        }
    }

    @Test
    void refusesEveryRequestWithoutTheTokenWith401AndAWrongOneWith403() throws IOException {
        List<String> wrongTokens = List.of("x", token.substring(1), token + "x", flipLastCharacter(token), "");
        SoftAssertions softly = new SoftAssertions();
        for (String path : List.of("/", "/app.js", "/wavecraft/client.js", "/missing.js")) {
            RawHttp.Response none = get(path, Map.of());
            softly.assertThat(none.status()).as("%s without a token", path).isEqualTo(401);
            softly.assertThat(none.header("WWW-Authenticate")).as(path).contains("Bearer realm=\"wavecraft dev server\"");
            softly.assertThat(none.body()).as(path).contains("needs its access token", "?token=",
                    "Authorization: Bearer");
            softly.assertThat(get(path, Map.of("Authorization", "Basic " + token)).status())
                    .as("%s with the token as Basic credentials", path).isEqualTo(401);
            for (String wrong : wrongTokens) {
                RawHttp.Response byQuery = get(path + "?token=" + wrong, Map.of());
                softly.assertThat(byQuery.status()).as("%s?token=%s", path, wrong).isEqualTo(403);
                softly.assertThat(byQuery.body()).as(path).contains("not this server's");
                softly.assertThat(byQuery.header("Set-Cookie")).as("no cookie for a wrong token").isEmpty();
                softly.assertThat(get(path, Map.of("Authorization", "Bearer " + wrong)).status())
                        .as("%s with bearer %s", path, wrong).isEqualTo(wrong.isEmpty() ? 401 : 403);
                softly.assertThat(get(path, Map.of("Cookie", cookie(wrong))).status())
                        .as("%s with cookie %s", path, wrong).isEqualTo(403);
            }
        }
        softly.assertAll();
    }

    @Test
    void acceptsTheTokenByQueryThenByCookieOrBearerHeader() throws IOException {
        RawHttp.Response first = get("/?token=" + token, Map.of());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("<html");
        assertThat(first.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith(cookie(token)).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/"));
        assertThat(get("/app.js", Map.of("Cookie", cookie(token))).status()).isEqualTo(200);
        assertThat(get("/app.js", Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(200);
        assertThat(get("/missing.js", Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(404);
        assertThat(get("/app.js", Map.of("Cookie", "wavecraft-token-" + (port + 1) + "=" + token)).status())
                .as("the cookie of a server on another port").isEqualTo(401);
    }

    @Test
    void refusesWebSocketUpgradesWithoutTheRightTokenOrWithoutOrigin() throws IOException {
        Map<String, String> ownPage = Map.of("Origin", "http://127.0.0.1:" + port);

        assertThat(upgrade("/ws", ownPage).status()).isEqualTo(401);
        assertThat(upgrade("/ws?token=" + flipLastCharacter(token), ownPage).status()).isEqualTo(403);
        assertThat(upgrade("/ws", with(ownPage, "Cookie", cookie(flipLastCharacter(token)))).status()).isEqualTo(403);
        assertThat(upgrade("/ws?token=" + token, ownPage).status()).isEqualTo(101);
        assertThat(upgrade("/ws", with(ownPage, "Cookie", cookie(token))).status()).isEqualTo(101);
        assertThat(upgrade("/", with(ownPage, "Authorization", "Bearer " + token)).status()).isEqualTo(101);
        RawHttp.Response noOrigin = upgrade("/ws", Map.of("Authorization", "Bearer " + token));
        assertThat(noOrigin.status()).isEqualTo(403);
        assertThat(noOrigin.body()).contains("without an Origin header", "beyond loopback");
        assertThat(upgrade("/ws?token=" + token, Map.of("Origin", "http://evil.example")).status()).isEqualTo(403);
    }

    @Test
    void servesJsonRpcToAClientWithTheToken() {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws?token=" + token);
        try (RpcTestClient client = RpcTestClient.connect(uri, Map.of("Origin", "http://127.0.0.1:" + port))) {
            assertThat(client.call("ping", null).has("result")).isTrue();
        }
        URI withoutToken = URI.create("ws://127.0.0.1:" + port + "/ws");
        assertThat(RpcTestClient.handshakeRefused(withoutToken, Map.of("Origin", "http://127.0.0.1:" + port))).isTrue();
    }

    @Test
    void answersToIpAddressesButStillRefusesForeignNamesEvenWithTheToken() throws IOException {
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
        for (String host : List.of("192.0.2.2", "10.1.2.3", "[fd00::2]", "127.0.0.1", "localhost")) {
            assertThat(RawHttp.get(port, "/", host + ":" + port, bearer).status()).as(host).isEqualTo(200);
        }
        for (String host : List.of("evil.example", "192.0.2.2.nip.io", "999.1.2.3", "[fd00::2")) {
            assertThat(RawHttp.get(port, "/", host + ":" + port, bearer).status()).as(host).isIn(400, 403);
        }
        assertThat(RawHttp.get(port, "/", "192.0.2.2:" + (port + 1), bearer).status()).isEqualTo(403);
    }

    @Test
    void requiresTheTokenOnANonLoopbackAddressOfThisMachine() throws Exception {
        Optional<InetAddress> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");
        try (DevHttpServer lan = startOn(address.get().getHostAddress())) {
            String base = "http://" + address.get().getHostAddress() + ":" + lan.port() + "/";
            String lanToken = lan.accessToken().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();

            assertThat(http.send(HttpRequest.newBuilder(URI.create(base)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "?token=" + lanToken)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(lan.url()).isEqualTo(base);
        }
    }

    private static DevHttpServer startOn(String host) throws PortInUseException {
        return PingOnlyServer.start(new HttpOptions(host, 0, 1 << 20, List.of()));
    }

    private static RawHttp.Response get(String path, Map<String, String> headers) throws IOException {
        return RawHttp.get(port, path, "127.0.0.1:" + port, headers);
    }

    private static RawHttp.Response upgrade(String path, Map<String, String> headers) throws IOException {
        return RawHttp.upgrade(port, path, "127.0.0.1:" + port, headers);
    }

    private static String cookie(String value) {
        return "wavecraft-token-" + port + "=" + value;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return more;
    }

    private static String flipLastCharacter(String text) {
        char last = text.charAt(text.length() - 1);
        return text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLinkLocalAddress())
                .findFirst();
    }
}
