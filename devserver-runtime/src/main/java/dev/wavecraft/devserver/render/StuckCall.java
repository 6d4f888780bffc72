package dev.wavecraft.devserver.render;

import dev.wavecraft.devserver.processor.CallWatch;
import dev.wavecraft.devserver.processor.UserCode;
import dev.wavecraft.protocol.options.RenderOptions;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A call into the processor ({@code process()}, or {@code prepare()} or {@code reset()}) that did
 * not return within the processor timeout. The message names the processor, the place in the
 * audio and the line of the project's own code the render thread is stuck at; the detail is that
 * thread's whole stack. The thread cannot be stopped: whoever catches this must halt the JVM.
 */
final class StuckCall extends Exception {

    private static final long serialVersionUID = 1L;

    private final String detail;

    StuckCall(String processor, CallWatch.Call call, StackTraceElement[] stack, RenderOptions options,
            int sampleRate) {
        super(message(processor, call, stack, options, sampleRate), null, false, false);
        this.detail = "The render thread's stack:" + System.lineSeparator() + Arrays.stream(stack)
                .map(frame -> "\tat " + UserCode.describe(frame))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    /** The render thread's stack, for {@code -e} runs. */
    String detail() {
        return detail;
    }

    private static String message(String processor, CallWatch.Call call, StackTraceElement[] stack,
            RenderOptions options, int sampleRate) {
        String where = "It is " + UserCode.stuckAt(stack) + ".";
        return processor + "." + call.method() + " did not return within " + seconds(options) + " s, at "
                + BlockRenderer.where(call.position(), options.blockSize(), sampleRate) + " of the audio, so the render"
                + " was stopped. " + where + " Nothing was written to " + options.output() + ". Make "
                + call.method() + " return, or raise -Dwavecraft.processorTimeout=<seconds> if it needs longer.";
    }

    private static String seconds(RenderOptions options) {
        long millis = options.processorTimeout().toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
