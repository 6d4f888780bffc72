package dev.wavecraft.devserver.processor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The project's own code on a stack, as its author reads it: the innermost frame that is not the
 * JDK's (frames of a named module), nor the runtime's, the api's or the protocol's, is the line to
 * show for a processor that hangs or throws, whatever library call it sits in at that moment.
 */
public final class UserCode {

    private static final List<String> OURS = List.of("dev.wavecraft.api.", "dev.wavecraft.devserver.",
            "dev.wavecraft.protocol.");

    private UserCode() {
    }

    public static Optional<StackTraceElement> innermostFrame(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(UserCode::isUserCode).findFirst();
    }

    /**
     * Where a thread that hangs is, for a report: "stuck at" the innermost line of the project's own
     * code, or the thread's top frame when none of the project's code is on its stack.
     */
    public static String stuckAt(StackTraceElement[] stack) {
        return innermostFrame(stack).map(frame -> "stuck at " + describe(frame))
                .orElseGet(() -> stack.length == 0 ? "at an unknown place" : "at " + describe(stack[0])
                        + ", with no line of the project's own code on its stack");
    }

    static boolean isUserCode(StackTraceElement frame) {
        return frame.getModuleName() == null && OURS.stream().noneMatch(frame.getClassName()::startsWith);
    }

    /** A frame without the class loader and module names, as a user finds it in their editor. */
    public static String describe(StackTraceElement frame) {
        return new StackTraceElement(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
                frame.getLineNumber()).toString();
    }
}
