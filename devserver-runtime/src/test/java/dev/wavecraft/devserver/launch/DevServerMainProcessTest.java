package dev.wavecraft.devserver.launch;

import static dev.wavecraft.devserver.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.wavecraft.devserver.testing.CompiledProject;
import dev.wavecraft.devserver.testing.RawHttp;
import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.protocol.control.ControlClient;
import dev.wavecraft.protocol.control.ControlMessages;
import dev.wavecraft.protocol.launch.EntryPoints;
import dev.wavecraft.protocol.launch.LaunchEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev server's main class in a real forked JVM, as the mojo starts it. */
class DevServerMainProcessTest {

    @TempDir
    Path project;

    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);

    /** Random per test, as the mojo's is per run, so finding it anywhere cannot be a coincidence. */
    private final String secret = "secret-" + UUID.randomUUID();
    private final List<String> output = new CopyOnWriteArrayList<>();
    /** Completes when the server's output has been read to its end. */
    private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();
    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void reportsReadyWithTheBoundPortAndServesIt() throws Exception {
        Path classpathFile = CompiledProject.example(project).classpathFile();

        LaunchEvent event = start(classpathFile, "--port", "0");

        assertThat(event.isReady()).as("event %s", event).isTrue();
        assertThat(event.url()).isEqualTo("http://127.0.0.1:" + event.port() + "/");
        assertThat(event.processor()).isEqualTo("com.example.gain.GainProcessor");
        assertThat(event.parameters()).isEqualTo(4);
        assertThat(event.pid()).isEqualTo(process.pid());
        assertThat(event.token()).as("no token on loopback").isNull();
        assertThat(event.urlWithToken()).isEqualTo(event.url());
        try (RpcTestClient client = RpcTestClient.connect(event.port())) {
            assertThat(client.call("ping", null).has("result")).isTrue();
        }
    }

    @Test
    void exitsWithinTwoSecondsOnceItsParentsPipeCloses() throws Exception {
        LaunchEvent event = start(CompiledProject.example(project).classpathFile(), "--port", "0");
        assertThat(event.isReady()).isTrue();

        process.getOutputStream().close();

        assertThat(process.waitFor(2, TimeUnit.SECONDS)).as("exited within 2 s").isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void endsItselfWhenHeartbeatsStopWhileThePipeStaysOpen() throws Exception {
        CompletableFuture<LaunchEvent> launching = launch(CompiledProject.example(project).classpathFile(), "--port",
                "0", "--heartbeat-timeout-ms", "1500", "--audio-device", "false");
        // Beating from the start, as the mojo does: the server counts the silence from its own start, and a
        // busy machine can take longer than the timeout to get ready.
        LaunchEvent event = waitFor("the launch event, beating meanwhile", LAUNCH_TIMEOUT)
                .until(() -> beatThenPoll(launching), Objects::nonNull);
        assertThat(event.isReady()).isTrue();
        for (int beat = 0; beat < 4; beat++) {
            beat();
            assertThat(process.waitFor(500, TimeUnit.MILLISECONDS)).as("alive while heartbeats come").isFalse();
        }

        // No more heartbeats, and the pipe stays open, as when Maven is suspended.
        assertThat(process.waitFor(1500 + 2000, TimeUnit.MILLISECONDS)).as("exited after the silence").isTrue();
        assertThat(process.exitValue()).isEqualTo(DevServerMain.EXIT_PARENT_SILENT);
    }

    @Test
    void survivesBeingPausedLongerThanTheHeartbeatTimeoutWhileItsParentKeepsBeating() throws Exception {
        CompletableFuture<LaunchEvent> launching = launch(CompiledProject.example(project).classpathFile(), "--port",
                "0", "--heartbeat-timeout-ms", "3000", "--audio-device", "false");
        LaunchEvent event = waitFor("the launch event, beating meanwhile", LAUNCH_TIMEOUT)
                .until(() -> beatThenPoll(launching), Objects::nonNull);
        assertThat(event.isReady()).isTrue();
        // Beats only while the server runs: the worst case of a pause, where the checker looks before
        // the reader has read the beats that queued up meanwhile.
        beat();
        signal("STOP");
        // The pause itself is the behaviour under test: the server is stopped, there is nothing to poll.
        boolean exitedWhilePaused = process.waitFor(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        signal("CONT");
        try (Heartbeats beating = new Heartbeats()) {
            assertThat(exitedWhilePaused).as("a stopped process cannot exit").isFalse();
            long resumedAt = System.nanoTime();
            try (RpcTestClient client = RpcTestClient.connect(event.port())) {
                assertThat(client.call("ping", null).has("result")).isTrue();
                System.out.println("Paused for " + PAUSE.toSeconds() + " s with a 3 s heartbeat timeout: ping answered "
                        + Duration.ofNanos(System.nanoTime() - resumedAt).toMillis() + " ms after SIGCONT");
            }
            assertThat(process.waitFor(4, TimeUnit.SECONDS)).withFailMessage(() -> "exited with code "
                    + process.exitValue() + " after SIGCONT").isFalse();
        }
    }

    private static final Duration PAUSE = Duration.ofSeconds(15);

    /** Sends the server {@code SIG<name>} through {@code kill}, as a user in a terminal would. */
    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill -%s", name).isZero();
    }

    /** A heartbeat every half second on a thread of its own, as the mojo beats, until closed. */
    private final class Heartbeats implements AutoCloseable {

        private final Thread beater = new Thread(this::beatUntilInterrupted, "test-heartbeats");

        Heartbeats() {
            beater.setDaemon(true);
            beater.start();
        }

        private void beatUntilInterrupted() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    beat();
                    Thread.sleep(500); // the mojo's pace, not a wait for a condition
                }
            } catch (IOException | InterruptedException e) {
                // The pipe closed or the test is over.
            }
        }

        @Override
        public void close() throws InterruptedException {
            beater.interrupt();
            beater.join(5000);
        }
    }

    /** One heartbeat, then up to a quarter of a second for the launch event; null when it has not come yet. */
    private LaunchEvent beatThenPoll(CompletableFuture<LaunchEvent> launching) throws Exception {
        beat();
        try {
            return launching.get(250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException notYet) {
            return null;
        }
    }

    /** A heartbeat, as the mojo sends one: a line on the server's stdin. */
    private void beat() throws IOException {
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
    }

    @Test
    void reportsAPortInUseNamingThePortAndTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LaunchEvent event = start(CompiledProject.example(project).classpathFile(),
                    "--port", Integer.toString(taken.getLocalPort()));

            assertThat(event.problem()).isEqualTo("PORT_IN_USE");
            assertThat(event.message()).contains("Port " + taken.getLocalPort(), "-Dwavecraft.port");
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(DevServerMain.EXIT_START_FAILED);
        }
    }

    @Test
    void reportsAThrowingConstructorWithItsStackTraceAsDetail() throws Exception {
        Path classpathFile = CompiledProject.withProcessor(project, "demo.Broken", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Broken implements Processor {
                    public Broken() { throw new IllegalStateException("no audio today"); }
                    public List<Parameter> parameters() { return List.of(); }
                    public void process(AudioBlock block, ParameterValues values) {}
                }
                """).classpathFile();

        LaunchEvent event = start(classpathFile, "--port", "0");

        assertThat(event.problem()).isEqualTo("PROCESSOR_CREATE_FAILED");
        assertThat(event.message()).contains("The constructor of demo.Broken", "no audio today");
        assertThat(event.detail()).contains("demo.Broken.<init>(Broken.java:5)");
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(DevServerMain.EXIT_START_FAILED);
    }

    @Test
    void namesTheUserLineThatCalledSystemExitOnItsWayOut() throws Exception {
        Path classpathFile = CompiledProject.withProcessor(project, "demo.Quitter", """
                package demo;
                import dev.wavecraft.api.*;
                import java.util.List;
                public class Quitter implements Processor {
                    static { System.exit(1); }
                    public List<Parameter> parameters() { return List.of(); }
                    public void process(AudioBlock block, ParameterValues values) {}
                }
                """).classpathFile();

        launch(classpathFile, "--port", "0", "--audio-device", "false");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        waitFor("the exit cause line", Duration.ofSeconds(5)).until(() -> output.stream()
                .anyMatch(line -> line.startsWith("The dev server is exiting: System.exit was called from "
                        + "demo.Quitter.<clinit>(Quitter.java:5) on thread ")));
    }

    @Test
    void saysNothingOfACallerWhenItEndsItselfAsAsked() throws Exception {
        LaunchEvent event = start(CompiledProject.example(project).classpathFile(), "--port", "0",
                "--audio-device", "false");
        assertThat(event.isReady()).isTrue();

        process.getOutputStream().close();

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        outputEnded.get(10, TimeUnit.SECONDS);
        assertThat(output).as("all the server printed").isNotEmpty()
                .noneMatch(line -> line.contains("System.exit was called"));
    }

    @Test
    void keepsTheControlSecretOffItsCommandLineAndEnvironment() throws Exception {
        LaunchEvent event = start(CompiledProject.example(project).classpathFile(), "--port", "0",
                "--audio-device", "false");
        assertThat(event.isReady()).isTrue();

        Path proc = Path.of("/proc", Long.toString(process.pid()));
        if (Files.isDirectory(proc)) {
            assertThat(Files.readString(proc.resolve("cmdline"), StandardCharsets.ISO_8859_1)).contains("DevServerMain")
                    .doesNotContain(secret);
            assertThat(Files.readString(proc.resolve("environ"), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        }
        assertThat(process.info().commandLine().orElse("")).doesNotContain(secret);
        assertThat(process.info().arguments().map(List::of).orElse(List.of())).noneMatch(argument -> argument.contains(secret));
        assertThat(output).noneMatch(line -> line.contains(secret));
    }

    @Test
    void makesItsAccessTokenItselfWhenBoundBeyondLoopbackAndNamesItOnlyInTheReadyLine() throws Exception {
        LaunchEvent event = start(CompiledProject.example(project).classpathFile(), "--host", "0.0.0.0", "--port", "0",
                "--audio-device", "false");

        assertThat(event.isReady()).isTrue();
        String token = event.token();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(event.url()).isEqualTo("http://127.0.0.1:" + event.port() + "/").doesNotContain(token);
        assertThat(event.urlWithToken()).isEqualTo(event.url() + "?token=" + token);
        assertThat(output.stream().filter(line -> line.contains(token))).singleElement()
                .satisfies(line -> assertThat(LaunchEvent.parse(line)).isPresent());
        assertThat(Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"),
                StandardCharsets.ISO_8859_1)).doesNotContain(token);
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(event.url())).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(event.urlWithToken())).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void closesMisbehavingControlClientsLogsRefusalsOncePerMinuteWithoutTheSecretAndChangesNothing() throws Exception {
        LaunchEvent event = start(CompiledProject.example(project).classpathFile(), "--port", "0",
                "--audio-device", "false");
        assertThat(event.isReady()).isTrue();
        try (RpcTestClient browser = RpcTestClient.connect(event.port())) {
            browser.call("setParameter", RpcTestClient.valueParams("drive", 6.5));
            JsonObject before = browser.call("getReloadStatus", null).getAsJsonObject("result");

            List<MisbehavingClient> clients = List.of(
                    MisbehavingClient.sending(event.controlPort(), "{\"type\":\"Hello\",\"secret\":\"guess\"}\n"),
                    MisbehavingClient.sending(event.controlPort(), "{\"type\":\"Hello\"}\n"),
                    MisbehavingClient.sending(event.controlPort(), "GET / HTTP/1.1\r\n\r\n"),
                    MisbehavingClient.sending(event.controlPort(),
                            ControlMessages.encode(new ControlMessages.Hello(secret)) + "\nnot json\n"),
                    MisbehavingClient.sending(event.controlPort(), ""),
                    MisbehavingClient.trickling(event.controlPort(),
                            ControlMessages.encode(new ControlMessages.Hello(secret)) + "\n", Duration.ofMillis(250)));
            for (MisbehavingClient client : clients) {
                client.awaitClosed(Duration.ofSeconds(15));
            }
            System.out.println("Control connections closed after (ms): " + clients.stream()
                    .map(client -> Long.toString(client.closedAfter().toMillis())).toList()
                    + " (guess, no secret, garbage hello, garbage after hello, silent, trickled hello)");

            // Refusals are logged once per source and minute: the first of the five from 127.0.0.1 alone.
            // The client that said hello and then sent garbage was not refused, and has its own line.
            List<String> warnings = waitFor("the first refusal and the bad input logged", Duration.ofSeconds(10))
                    .until(this::controlWarnings, lines -> lines.size() >= 2);
            assertThat(warnings).hasSize(2);
            assertThat(warnings).filteredOn(line -> line.contains("did not present the run's secret")).hasSize(1);
            assertThat(warnings).filteredOn(line -> line.contains("after bad input")).hasSize(1);
            assertThat(warnings).filteredOn(line -> line.contains("sent no complete hello within 5 s")).isEmpty();
            assertThat(output).noneMatch(line -> line.contains(secret));
            assertThat(browser.valueOf("drive")).isEqualTo(6.5);
            JsonObject after = browser.call("getReloadStatus", null).getAsJsonObject("result");
            assertThat(after.get("generation")).isEqualTo(before.get("generation"));
            assertThat(after.get("stats")).isEqualTo(before.get("stats"));
        }
        try (ControlClient control = ControlClient.connect(event.controlPort(), secret, message -> { })) {
            control.send(new ControlMessages.Stop());
        }
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the real client could still stop it").isTrue();
    }

    @Test
    void namesARefusedWebSocketOriginInItsOutputOnceAndLetsALoopbackPageIn() throws Exception {
        LaunchEvent event = start(CompiledProject.example(project).classpathFile(), "--port", "0",
                "--audio-device", "false");
        assertThat(event.isReady()).isTrue();
        String host = "127.0.0.1:" + event.port();
        String refused = "http://evil.example:5173";
        String fence = "http://fence.example";

        for (String origin : List.of(refused, refused, fence)) {
            assertThat(RawHttp.upgrade(event.port(), "/ws", host, Map.of("Origin", origin)).status())
                    .as("upgrade from %s", origin).isEqualTo(403);
        }

        // One thread logs the refusals in order, so once the fence's line is out, any second line would be too.
        waitFor("the fence origin's line", Duration.ofSeconds(10))
                .until(() -> output.stream().anyMatch(line -> line.contains(fence)));
        assertThat(output).filteredOn(line -> line.contains(refused)).singleElement().asString()
                .startsWith("WARNING: Refused a WebSocket upgrade from Origin '" + refused + "'")
                .contains("<allowedOrigins>", "-Dwavecraft.allowedOrigins=" + refused);
        URI uri = URI.create("ws://" + host + "/ws");
        try (RpcTestClient page = RpcTestClient.connect(uri, Map.of("Origin", "http://localhost:5173"))) {
            assertThat(page.call("ping", null).getAsJsonObject("result").get("pong").getAsBoolean()).isTrue();
        }
    }

    private List<String> controlWarnings() {
        return output.stream().filter(line -> line.contains("control connection")).toList();
    }

    /** A client of the control channel that sends what it is given (perhaps nothing, perhaps slowly) and waits to be closed. */
    private static final class MisbehavingClient {

        private final Socket socket;
        private final long connectedAt = System.nanoTime();
        private final CompletableFuture<Long> closedAt = new CompletableFuture<>();

        private MisbehavingClient(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            Thread reader = new Thread(() -> {
                try (InputStream in = socket.getInputStream()) {
                    while (in.read() >= 0) {
                        // The server says nothing to a client before its hello; wait for the end.
                    }
                } catch (IOException e) {
                    // Reset by the server: closed as well.
                }
                closedAt.complete(System.nanoTime());
            }, "test-control-client");
            reader.setDaemon(true);
            reader.start();
        }

        static MisbehavingClient sending(int port, String text) throws IOException {
            MisbehavingClient client = new MisbehavingClient(port);
            client.socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            client.socket.getOutputStream().flush();
            return client;
        }

        /** Sends {@code text} a byte at a time, each well within any per-read timeout, until closed. */
        static MisbehavingClient trickling(int port, String text, Duration gap) throws IOException {
            MisbehavingClient client = new MisbehavingClient(port);
            Thread writer = new Thread(() -> {
                try {
                    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                        client.socket.getOutputStream().write(b);
                        client.socket.getOutputStream().flush();
                        if (client.closedAt.isDone()) {
                            return;
                        }
                        Thread.sleep(gap.toMillis()); // the pace of a slow client, not a wait for a condition
                    }
                } catch (IOException | InterruptedException e) {
                    // Closed by the server meanwhile.
                }
            }, "test-control-trickle");
            writer.setDaemon(true);
            writer.start();
            return client;
        }

        void awaitClosed(Duration limit) {
            closedAt.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS).join();
        }

        Duration closedAfter() {
            return Duration.ofNanos(closedAt.join() - connectedAt);
        }
    }

    /**
     * Starts the main class, handing it {@link #secret} as the mojo does, and returns its launch
     * event; every output line, the launch event's included, is collected in {@link #output}.
     */
    private LaunchEvent start(Path classpathFile, String... arguments) throws IOException {
        return launch(classpathFile, arguments).orTimeout(LAUNCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Starts the main class as {@link #start} does, without waiting for its launch event. */
    private CompletableFuture<LaunchEvent> launch(Path classpathFile, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(EntryPoints.JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                EntryPoints.DEV_SERVER, "--classpath-file", classpathFile.toString()));
        command.addAll(List.of(arguments));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write((secret + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        CompletableFuture<LaunchEvent> event = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    LaunchEvent.parse(line).ifPresent(event::complete);
                }
            } catch (IOException e) {
                event.completeExceptionally(e);
            }
            outputEnded.complete(null);
            event.completeExceptionally(new AssertionError("The server exited without a launch event: " + output));
        }, "test-devserver-output");
        reader.setDaemon(true);
        reader.start();
        return event;
    }
}
