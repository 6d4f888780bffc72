package dev.wavecraft.protocol.launch;

import java.util.Optional;

/**
 * The line a dev server prints on its way out when code other than its own called
 * {@code System.exit}: who called it. The plugin finds it in the server's last output and names
 * it when it reports that the server died.
 *
 * @param caller the frame that called {@code System.exit} or {@code Runtime.exit}, e.g.
 *     {@code com.example.Gain.<clinit>(Gain.java:7)}
 * @param thread the name of the thread that called it
 */
public record ExitCause(String caller, String thread) {

    private static final String PREFIX = "The dev server is exiting: ";
    private static final String CALLED = "System.exit was called from ";
    private static final String ON_THREAD = " on thread ";

    public String toLine() {
        return PREFIX + describe();
    }

    /** The cause in words, as a clause: {@code System.exit was called from ... on thread ...}. */
    public String describe() {
        return CALLED + caller + ON_THREAD + thread;
    }

    /** The last cause line in {@code output}, a server's output as it printed it. */
    public static Optional<ExitCause> findIn(String output) {
        return output.lines().filter(line -> line.startsWith(PREFIX + CALLED)).reduce((first, second) -> second)
                .map(ExitCause::parse);
    }

    private static ExitCause parse(String line) {
        String rest = line.substring((PREFIX + CALLED).length());
        int thread = rest.lastIndexOf(ON_THREAD);
        return thread < 0 ? new ExitCause(rest, "?")
                : new ExitCause(rest.substring(0, thread), rest.substring(thread + ON_THREAD.length()));
    }
}
