package dev.wavecraft.devserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.wavecraft.devserver.DevServer;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's own UI folder served under /ui/ by the real server, and its change notifications. */
class UserUiTest {

    private static final String SECRET = "ui-test-secret";

    @TempDir
    Path work;

    private DevServer server;
    private Path ui;

    @BeforeEach
    void start() throws Exception {
        Path project = Files.createDirectories(work.resolve("project"));
        ui = Files.createDirectories(project.resolve("src/main/ui"));
        Files.writeString(ui.resolve("index.html"), "<!doctype html><title>My plugin UI</title>");
        Files.createDirectories(ui.resolve("css"));
        Files.writeString(ui.resolve("css/style.css"), "body { color: red; }");
        Files.writeString(work.resolve("secret.txt"), "not for browsers");
        server = DevServer.start(new DevServerOptions(CompiledProject.example(project.resolve("build")).classpathFile())
                .withHttp(new HttpOptions("127.0.0.1", 0, 1 << 20, List.of()).withUiDirectory(Optional.of(ui))),
                SECRET, () -> { });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void servesTheFolderUnderUiWithContentTypesAndNoCaching() throws Exception {
        HttpResponse<String> page = get("/ui/");
        HttpResponse<String> style = get("/ui/css/style.css");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("My plugin UI");
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(style.body()).isEqualTo("body { color: red; }");
        assertThat(style.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(style.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-cache"));
    }

    @Test
    void servesAnEditedFileAtOnce() throws Exception {
        assertThat(get("/ui/css/style.css").body()).contains("red");
        Files.writeString(ui.resolve("css/style.css"), "body { color: blue; }");

        assertThat(get("/ui/css/style.css").body()).isEqualTo("body { color: blue; }");
    }

    @Test
    void refusesPathsThatLeaveTheFolder() throws Exception {
        for (String path : List.of("/ui/../secret.txt", "/ui/%2e%2e/secret.txt", "/ui/..%2fsecret.txt",
                "/ui/css/../../secret.txt")) {
            String response = rawGet(path);
            assertThat(response).as(path).doesNotContain("not for browsers").startsWith("HTTP/1.1 404");
        }
    }

    @Test
    void passesUiChangesFromTheBuildToolToEveryBrowser() throws Exception {
        try (RpcTestClient browser = RpcTestClient.connect(server.port());
                ControlClient control = ControlClient.connect(server.controlPort(), SECRET, message -> { })) {
            browser.call("ping", null);

            control.send(new ControlMessages.UiChanged(List.of("/ui/css/style.css")));

            JsonObject params = browser.notification("uiChanged").getAsJsonObject("params");
            assertThat(params.getAsJsonArray("files").get(0).getAsString()).isEqualTo("/ui/css/style.css");
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request sent byte for byte, so that no client normalises the dots away first. */
    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
