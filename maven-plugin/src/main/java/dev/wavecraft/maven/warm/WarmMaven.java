package dev.wavecraft.maven.warm;

import dev.wavecraft.maven.rebuild.MavenRunner;
import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.maven.shared.invoker.CommandLineConfigurationException;
import org.apache.maven.shared.invoker.InvocationOutputHandler;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.MavenCommandLineBuilder;
import org.apache.maven.shared.invoker.MavenInvocationException;
import org.apache.maven.shared.utils.cli.CommandLineException;
import org.apache.maven.shared.utils.cli.Commandline;

/**
 * Runs Invoker requests in one long-lived Maven JVM instead of a fresh one per build. The
 * request becomes exactly the arguments the Invoker would give {@code bin/mvn} (through the
 * Invoker's own command-line builder), so both paths build the same way; only JVM start-up,
 * class loading and JIT warm-up are saved. When the worker cannot start or dies, the build
 * falls back to {@code fallback} and the worker is started again for the next one; after
 * {@link #MAX_WORKER_FAILURES} failures every build uses the fallback. A build that outlives its
 * time limit is not run again: the worker is killed, the build fails, and the next build starts a
 * new worker.
 */
public final class WarmMaven implements MavenRunner {

    static final int MAX_WORKER_FAILURES = 3;

    private final WorkerSpec spec;
    private final MavenRunner fallback;
    private final Consumer<String> notices;
    private final Consumer<String> details;
    private volatile WarmMavenProcess worker;
    private int workerFailures;
    private String givenUp;
    private volatile boolean closed;

    /**
     * @param notices where to say that builds fell back to a fresh Maven, and why
     * @param details where to say, for each build, whether it ran in the kept Maven container or
     *     a new one and why (a debug-level matter)
     */
    public WarmMaven(WorkerSpec spec, MavenRunner fallback, Consumer<String> notices, Consumer<String> details) {
        this.spec = spec;
        this.fallback = fallback;
        this.notices = notices;
        this.details = details;
    }

    /** Starts the worker and runs {@code request} in it in the background, so the first save finds it warm. */
    @Override
    public void prepare(InvocationRequest request) {
        Thread warmUp = new Thread(() -> {
            try {
                synchronized (this) {
                    runWarm(request);
                }
            } catch (MavenInvocationException e) {
                // The first real build meets and reports the same problem.
            }
        }, "wavecraft-warm-maven-start");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    @Override
    public synchronized InvocationResult run(InvocationRequest request) throws MavenInvocationException {
        InvocationResult result = runWarm(request);
        return result != null ? result : fallback.run(request);
    }

    /** The build's result from the worker, or null when it must run elsewhere. */
    private InvocationResult runWarm(InvocationRequest request) throws MavenInvocationException {
        if (closed || givenUp != null) {
            return null;
        }
        WarmRequest warm = toWarmRequest(request);
        Duration timeout = Duration.ofSeconds(request.getTimeoutInSeconds() > 0 ? request.getTimeoutInSeconds()
                : Integer.MAX_VALUE);
        InvocationOutputHandler output = request.getOutputHandler(null);
        try {
            return new Result(worker().build(warm, output, timeout), null);
        } catch (TimeoutException e) {
            killWorker();
            return new Result(1, null);
        } catch (IOException | WarmMavenUnavailable e) {
            killWorker();
            if (closed) {
                return new Result(1, new CommandLineException("The build was stopped", e));
            }
            workerFailed(e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killWorker();
            return new Result(1, new CommandLineException("The build was interrupted", e));
        }
    }

    private WarmMavenProcess worker() throws IOException, WarmMavenUnavailable {
        if (worker == null) {
            worker = WarmMavenProcess.start(spec.command(), spec.projectDirectory(),
                    note -> details.accept("Warm build: " + note));
        }
        return worker;
    }

    private void workerFailed(Exception problem) {
        workerFailures++;
        if (problem instanceof WarmMavenUnavailable || workerFailures >= MAX_WORKER_FAILURES) {
            givenUp = problem.getMessage();
            notices.accept("Builds now run in a fresh Maven each time (slower): the warm build JVM is unavailable, "
                    + problem.getMessage() + ". Set -Dwavecraft.warmBuild=false to choose this from the start.");
        } else {
            notices.accept("The warm build JVM failed (" + problem.getMessage() + "); this build runs in a fresh"
                    + " Maven and the next one starts a new warm JVM.");
        }
    }

    private static WarmRequest toWarmRequest(InvocationRequest request) throws MavenInvocationException {
        MavenCommandLineBuilder builder = new MavenCommandLineBuilder();
        try {
            Commandline commandLine = builder.build(request);
            return new WarmRequest(List.of(commandLine.getArguments()), commandLine.getWorkingDirectory().getPath());
        } catch (CommandLineConfigurationException e) {
            throw new MavenInvocationException("Could not turn the build request into Maven arguments: "
                    + FailureText.of(e), e);
        }
    }

    /** Kills the worker; the next build starts a new one. */
    private void killWorker() {
        WarmMavenProcess current = worker;
        worker = null;
        if (current != null) {
            current.kill();
        }
    }

    /** Stops the worker, ending a build in progress (that build then reports it was stopped). */
    @Override
    public void close() {
        closed = true;
        WarmMavenProcess current = worker;
        if (current != null) {
            current.kill();
        }
    }

    private record Result(int exitCode, CommandLineException executionException) implements InvocationResult {

        @Override
        public int getExitCode() {
            return exitCode;
        }

        @Override
        public CommandLineException getExecutionException() {
            return executionException;
        }
    }
}
