package dev.wavecraft.maven.fork;

import dev.wavecraft.protocol.launch.LaunchEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A forked runtime JVM: the dev server, or the renderer. Its output is streamed line by line to
 * the build log, except the launch event, which is kept for {@link #awaitLaunch}. We hold its
 * standard input open: closing it (here, or by the kernel when Maven dies) is what makes it exit.
 */
public final class ForkedProcess {

    private static final int TAIL_LINES = 30;
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(1);
    /** Silence after which the server takes Maven for suspended and ends itself (ten missed heartbeats). */
    public static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final CompletableFuture<Optional<LaunchEvent>> launch = new CompletableFuture<>();
    private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile Consumer<String> output;

    private ForkedProcess(Process process, Consumer<String> output) {
        this.process = process;
        this.output = output;
    }

    /**
     * @param secret the dev server's control channel secret, written as the first line of its
     *     input; the renderer takes none
     */
    public static ForkedProcess start(List<String> command, Path workingDirectory, Optional<String> secret,
            Consumer<String> output) throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .start();
        if (secret.isPresent()) {
            process.getOutputStream().write((secret.get() + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }
        ForkedProcess forked = new ForkedProcess(process, output);
        Thread pump = new Thread(forked::pump, "wavecraft-fork-output");
        pump.setDaemon(true);
        pump.start();
        Thread heartbeat = new Thread(forked::beat, "wavecraft-fork-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
        return forked;
    }

    /**
     * One byte a second on the fork's input: while Maven runs, the dev server hears it; when Maven
     * is suspended, it stops, and the dev server ends itself. Ends when the pipe is closed.
     */
    private void beat() {
        try {
            while (process.isAlive()) {
                process.getOutputStream().write('\n');
                process.getOutputStream().flush();
                Thread.sleep(HEARTBEAT_EVERY.toMillis());
            }
        } catch (IOException e) {
            // The pipe is closed: the fork is stopping or gone.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the fork's further output somewhere else, e.g. to a file once the build moves on. */
    public void redirectOutput(Consumer<String> destination) {
        output = destination;
    }

    private void pump() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Optional<LaunchEvent> event = LaunchEvent.parse(line);
                if (event.isPresent()) {
                    launch.complete(event);
                } else {
                    remember(line);
                    deliver(line);
                }
            }
        } catch (IOException e) {
            remember("(reading the forked JVM's output failed: " + e + ")");
        } finally {
            launch.complete(Optional.empty());
            outputEnded.complete(null);
        }
    }

    /** Never lets a failing destination stop the pump: a fork whose output is not read blocks. */
    private void deliver(String line) {
        try {
            output.accept(line);
        } catch (RuntimeException e) {
            remember("(could not pass on the forked JVM's output: " + e + ")");
        }
    }

    /**
     * The launch event, or empty when the fork's output ended without one (it exited).
     *
     * @throws TimeoutException when neither happened within {@code timeout}
     */
    public Optional<LaunchEvent> awaitLaunch(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return launch.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The launch event, or empty when the fork's output ended without one; however long that takes. */
    public Optional<LaunchEvent> awaitLaunch() throws InterruptedException {
        try {
            return launch.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** The exit code, waiting briefly for the process to finish exiting. */
    public int exitCode() throws InterruptedException {
        process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return process.isAlive() ? -1 : process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Waits up to {@code timeout} until the fork's output is read to its end, so that
     * {@link #lastOutput} holds its last words; an exited process's pipe may still hold some.
     */
    public void awaitOutputEnd(Duration timeout) throws InterruptedException {
        try {
            outputEnded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Whatever arrived so far is what there is.
        }
    }

    /** The last lines the fork printed, for error messages. */
    public synchronized String lastOutput() {
        return tail.isEmpty() ? "(no output)" : String.join(System.lineSeparator(), tail);
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    /** Asks the fork to exit by closing its input, then terminates it if it does not within {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already closed: the fork is exiting anyway.
        }
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        process.destroy();
        if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /** Kills the fork and anything it started, at once. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
