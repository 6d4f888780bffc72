package dev.wavecraft.maven.it;

import dev.wavecraft.devserver.testing.RpcTestClient;
import dev.wavecraft.devserver.testing.ScratchDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@code wavecraft:run} in the background on a copy of the example, on a port of its own: the
 * copy (in a scratch directory, deleted on close), the Maven that runs on it, and a browser
 * stand-in on its WebSocket once a test asks for one. {@link WavecraftRunExtension} starts and
 * closes it around tests.
 */
public final class WavecraftRun implements AutoCloseable {

    /** How long Maven may take to build the copy and start the server, on a busy machine. */
    static final Duration STARTUP = Duration.ofMinutes(3);

    private final ScratchDirectory scratch;
    private final ExampleCopy project;
    private final BackgroundMaven maven;
    private RpcTestClient browser;

    private WavecraftRun(ScratchDirectory scratch, ExampleCopy project, BackgroundMaven maven) {
        this.scratch = scratch;
        this.project = project;
        this.maven = maven;
    }

    /**
     * Copies {@code examples/<example>}, lets {@code preparation} edit the copy, and starts {@code wavecraft:run}
     * on it with {@code -Dwavecraft.port=0} and {@code arguments}; returns without waiting for it.
     */
    static WavecraftRun start(String example, Consumer<ExampleCopy> preparation, List<String> arguments)
            throws IOException {
        ScratchDirectory scratch = ScratchDirectory.create("wavecraft-run-");
        try {
            ExampleCopy project = ExampleCopy.of(example, scratch.path().resolve("project"));
            preparation.accept(project);
            List<String> goals = new ArrayList<>(List.of("wavecraft:run", "-Dwavecraft.port=0"));
            goals.addAll(arguments);
            BackgroundMaven maven = BackgroundMaven.start(project.root(), goals.toArray(String[]::new));
            return new WavecraftRun(scratch, project, maven);
        } catch (IOException | RuntimeException | Error e) {
            scratch.close();
            throw e;
        }
    }

    public ExampleCopy project() {
        return project;
    }

    public BackgroundMaven maven() {
        return maven;
    }

    /** The dev server's port, once it has said where it runs. */
    public int port() {
        return maven.awaitDevServerPort(STARTUP);
    }

    /** Returns once the server runs and {@code run} watches the sources, so that a save from now on is seen. */
    void awaitWatching() {
        maven.awaitWatching(STARTUP);
    }

    /** A browser stand-in on the server's WebSocket, connected at the first call. */
    public RpcTestClient browser() {
        if (browser == null) {
            browser = RpcTestClient.connect(port());
        }
        return browser;
    }

    /** A new browser stand-in in place of the old one, e.g. for a server restarted after a crash. */
    public RpcTestClient reconnect() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        return browser();
    }

    /** Writes {@code heading} and then everything Maven printed so far to {@code file}. */
    void keepOutput(Path file, String heading) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, heading + "\n\n" + maven.output());
    }

    /** Stops Maven and everything it started, then deletes the copy. */
    @Override
    public void close() {
        try {
            if (browser != null) {
                browser.close();
            }
            maven.close();
        } finally {
            scratch.close();
        }
    }
}
