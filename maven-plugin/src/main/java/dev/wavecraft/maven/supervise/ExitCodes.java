package dev.wavecraft.maven.supervise;

import dev.wavecraft.protocol.launch.ExitCause;
import java.util.Map;
import java.util.Optional;

/** Says in words what a JVM's exit code means, for the messages about a server that died. */
public final class ExitCodes {

    private static final int SIGNALLED = 128;
    private static final String OUT_OF_MEMORY = OutOfMemoryError.class.getName();
    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 6, "SIGABRT",
            9, "SIGKILL, e.g. kill -9 or the kernel's out-of-memory killer", 11, "SIGSEGV", 15, "SIGTERM");

    private ExitCodes() {
    }

    /**
     * What the exit code means, or what the server's last output says of its end: who called
     * {@code System.exit}, or that it ran out of memory.
     */
    public static String describe(int exitCode, String lastOutput) {
        Optional<ExitCause> caller = ExitCause.findIn(lastOutput);
        if (caller.isPresent()) {
            return caller.get().describe();
        }
        if (lastOutput.contains(OUT_OF_MEMORY)) {
            return describe(exitCode) + ": it ran out of memory";
        }
        return describe(exitCode);
    }

    public static String describe(int exitCode) {
        if (exitCode > SIGNALLED && exitCode < SIGNALLED + 64) {
            int signal = exitCode - SIGNALLED;
            return "killed by " + SIGNALS.getOrDefault(signal, "signal " + signal);
        }
        return "it failed";
    }
}
