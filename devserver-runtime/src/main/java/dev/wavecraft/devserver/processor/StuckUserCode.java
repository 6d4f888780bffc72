package dev.wavecraft.devserver.processor;

import java.time.Duration;

/**
 * A call into the project's code that did not return within the processor timeout. Its thread was
 * interrupted and abandoned (a daemon, it cannot be stopped); the message names that thread and the
 * line of the project's own code it was stuck at when it was given up.
 */
public final class StuckUserCode extends Exception {

    private static final long serialVersionUID = 1L;

    private final String thread;
    private final String where;

    StuckUserCode(String what, Duration timeout, Thread thread, StackTraceElement[] stack) {
        super(what + " did not return within " + timeout.toMillis() + " ms: its thread " + thread.getName()
                + " is abandoned, " + UserCode.stuckAt(stack) + ".", null, false, false);
        this.thread = thread.getName();
        this.where = UserCode.stuckAt(stack);
    }

    /** The abandoned thread's name. */
    public String thread() {
        return thread;
    }

    /** "stuck at demo.Tone.prepare(Tone.java:12)", or where it was when no line of the project's own code was on its stack. */
    public String where() {
        return where;
    }
}
