package dev.wavecraft.devserver.launch;

import dev.wavecraft.protocol.launch.LaunchEvent;
import java.io.PrintWriter;
import java.io.StringWriter;

/** How a forked runtime JVM (the dev server, the renderer) says how it went: its one launch line. */
public final class LaunchLine {

    private LaunchLine() {
    }

    /** Prints the event's line on standard output, where the mojo reads it, at once. */
    public static void print(LaunchEvent event) {
        System.out.println(event.toLine());
        System.out.flush();
    }

    /** A failure whose detail, shown in {@code -e} runs, is the stack trace of {@code cause}, if any. */
    public static LaunchEvent failed(String problem, String message, Throwable cause) {
        return LaunchEvent.failed(problem, message, cause == null ? null : stackTrace(cause));
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
