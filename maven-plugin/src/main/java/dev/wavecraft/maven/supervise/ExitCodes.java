package dev.wavecraft.maven.supervise;

import java.util.Map;

/** Says in words what a JVM's exit code means, for the messages about a server that died. */
public final class ExitCodes {

    private static final int SIGNALLED = 128;
    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 6, "SIGABRT",
            9, "SIGKILL, e.g. kill -9 or the kernel's out-of-memory killer", 11, "SIGSEGV", 15, "SIGTERM");

    private ExitCodes() {
    }

    public static String describe(int exitCode) {
        if (exitCode > SIGNALLED && exitCode < SIGNALLED + 64) {
            int signal = exitCode - SIGNALLED;
            return "killed by " + SIGNALS.getOrDefault(signal, "signal " + signal);
        }
        return "it failed";
    }
}
