package dev.wavecraft.maven.warm;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.maven.shared.invoker.InvocationOutputHandler;

/**
 * A running warm build JVM: sends it one request at a time and streams that build's output to
 * the caller until the exit line arrives.
 */
final class WarmMavenProcess {

    private static final int LINES_KEPT = 20;

    private final Process process;
    private final DataOutputStream requests;
    private final Consumer<String> containerNotes;
    private final Deque<String> lastIdleLines = new ArrayDeque<>();
    private volatile InvocationOutputHandler output;
    private volatile CompletableFuture<Integer> exit;

    private WarmMavenProcess(Process process, Consumer<String> containerNotes) {
        this.process = process;
        this.requests = new DataOutputStream(process.getOutputStream());
        this.containerNotes = containerNotes;
        Thread reader = new Thread(this::readOutput, "wavecraft-warm-maven-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** @param containerNotes told, after each build, which Maven container it ran in and why */
    static WarmMavenProcess start(List<String> command, Path workingDirectory, Consumer<String> containerNotes)
            throws IOException {
        return new WarmMavenProcess(new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).start(), containerNotes);
    }

    /**
     * Runs one build.
     *
     * @return Maven's exit code
     * @throws IOException when the worker is gone (its last output is in the message)
     * @throws TimeoutException when the build outlasts {@code timeout}; the worker is then unusable
     */
    int build(WarmRequest request, InvocationOutputHandler buildOutput, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        output = buildOutput;
        exit = done;
        try {
            request.writeTo(requests);
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw gone();
        } catch (ExecutionException e) {
            throw (IOException) e.getCause();
        } finally {
            output = null;
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(WarmMavenWorker.EXIT_LINE)) {
                    exit.complete(Integer.parseInt(line.substring(WarmMavenWorker.EXIT_LINE.length()).trim()));
                } else if (line.startsWith(WarmMavenWorker.CONTAINER_LINE)) {
                    containerNotes.accept(line.substring(WarmMavenWorker.CONTAINER_LINE.length()));
                } else {
                    deliver(line);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // The worker went away; reported to the waiting build below.
        }
        CompletableFuture<Integer> waiting = exit;
        if (waiting != null) {
            waiting.completeExceptionally(gone());
        }
    }

    private void deliver(String line) {
        InvocationOutputHandler current = output;
        if (current != null) {
            try {
                current.consumeLine(line);
            } catch (IOException e) {
                // The handler lost this line; the build's exit line still arrives.
            }
            return;
        }
        synchronized (lastIdleLines) {
            lastIdleLines.addLast(line);
            if (lastIdleLines.size() > LINES_KEPT) {
                lastIdleLines.removeFirst();
            }
        }
    }

    private IOException gone() {
        String said;
        synchronized (lastIdleLines) {
            said = lastIdleLines.isEmpty() ? "" : "; its last output: " + String.join(" | ", lastIdleLines);
        }
        return new IOException("the warm build JVM exited" + (process.isAlive() ? "" : " with code " + process.exitValue())
                + said);
    }

    /** Ends the worker and anything it started, at once. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
