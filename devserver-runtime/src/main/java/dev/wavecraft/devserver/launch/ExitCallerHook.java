package dev.wavecraft.devserver.launch;

import dev.wavecraft.protocol.launch.ExitCause;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names the caller when code other than the server's own calls {@code System.exit}, e.g. a
 * processor's static initialiser: the thread that called it runs the shutdown hooks and waits for
 * them, so its stack still shows the call while this hook runs. The line goes to standard error,
 * which the plugin reads.
 */
final class ExitCallerHook {

    private static final Set<String> EXIT_METHODS = Set.of("java.lang.System.exit", "java.lang.Runtime.exit");
    private static final String OWN_PACKAGE = "dev.wavecraft.devserver.";

    private ExitCallerHook() {
    }

    static void install(PrintStream destination) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> find(Thread.getAllStackTraces())
                .ifPresent(cause -> {
                    destination.println(cause.toLine());
                    destination.flush();
                }), "wavecraft-exit-caller"));
    }

    /** The caller of an exit in progress on one of {@code stacks}' threads, unless it is the server's own. */
    static Optional<ExitCause> find(Map<Thread, StackTraceElement[]> stacks) {
        for (Map.Entry<Thread, StackTraceElement[]> thread : stacks.entrySet()) {
            StackTraceElement[] frames = thread.getValue();
            int exit = -1;
            for (int index = 0; index < frames.length; index++) {
                if (EXIT_METHODS.contains(frames[index].getClassName() + "." + frames[index].getMethodName())) {
                    exit = index;
                }
            }
            if (exit >= 0 && exit + 1 < frames.length) {
                StackTraceElement caller = frames[exit + 1];
                return caller.getClassName().startsWith(OWN_PACKAGE) ? Optional.empty()
                        : Optional.of(new ExitCause(plain(caller), thread.getKey().getName()));
            }
        }
        return Optional.empty();
    }

    /** As a stack trace shows a frame, without the class loader's and module's names. */
    private static String plain(StackTraceElement frame) {
        String file = frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + file + ")";
    }
}
