package dev.wavecraft.maven.lifecycle;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code target/wavecraft/devserver.json} records about a running dev server, so that a
 * later goal can find it, talk to it, and kill it without ever hitting a reused pid. Never the
 * control secret.
 *
 * @param goal the goal that started it ({@code run} or {@code start})
 * @param startedAt when the operating system started the process with this pid
 * @param control the control channel's endpoint, {@code 127.0.0.1:<port>}
 */
public record ServerState(String goal, long pid, Instant startedAt, int port, String url, String control) {

    static final String CONTROL_HOST = "127.0.0.1";

    public static ServerState of(String goal, ProcessHandle process, int port, String url, int controlPort) {
        return new ServerState(goal, process.pid(), process.info().startInstant().orElse(null), port, url,
                CONTROL_HOST + ":" + controlPort);
    }

    public int controlPort() {
        return Integer.parseInt(control.substring(control.lastIndexOf(':') + 1));
    }

    /** The live process with this pid and start instant, if it still runs; never a process that reused the pid. */
    public Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> startedAt != null && process.info().startInstant().map(startedAt::equals).orElse(false));
    }
}
