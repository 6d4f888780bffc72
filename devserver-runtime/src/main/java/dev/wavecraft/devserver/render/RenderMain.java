package dev.wavecraft.devserver.render;

import dev.wavecraft.devserver.launch.LaunchLine;
import dev.wavecraft.devserver.launch.ParentWatchdog;
import dev.wavecraft.devserver.processor.ProcessorLoadException;
import dev.wavecraft.protocol.failure.FailureText;
import dev.wavecraft.protocol.launch.LaunchEvent;
import dev.wavecraft.protocol.options.RenderOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The forked renderer's entry point ({@code wavecraft:render}): renders once and reports the outcome
 * as one {@link LaunchEvent} line, {@code rendered} with a summary or {@code failed} with a message
 * for the user, then exits. With a golden reference, the finished render is checked against it
 * (or replaces it) before the outcome is reported. It exits too, leaving no file, as soon as Maven's pipe closes.
 */
public final class RenderMain {

    static final int EXIT_FAILED = 2;
    /** A call into the processor hung: its thread cannot be stopped, so the JVM is halted. */
    static final int EXIT_STUCK = 3;
    static final int EXIT_PARENT_GONE = 4;

    private RenderMain() {
    }

    public static void main(String[] args) {
        RenderOptions options;
        try {
            options = RenderOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            fail("BAD_ARGUMENTS", "The renderer was started with invalid arguments: " + FailureText.of(e), e);
            return;
        }
        RenderJob job = new RenderJob(options);
        ParentWatchdog.watch(System.in, Duration.ZERO, () -> {
            job.abandon();
            Runtime.getRuntime().halt(EXIT_PARENT_GONE);
        }, () -> { });
        try {
            RenderJob.Rendered rendered = job.run();
            String summary = summary(rendered, options);
            if (options.reference().isPresent()) {
                summary += ". " + ReferenceCheck.check(options.output(), options.reference().get());
            }
            LaunchLine.print(LaunchEvent.rendered(rendered.processor(), summary));
            // The project's code may have started threads of its own that would keep the JVM alive.
            System.exit(0);
        } catch (StuckCall e) {
            LaunchLine.print(LaunchEvent.failed("PROCESSOR_STUCK", FailureText.of(e), e.detail()));
            Runtime.getRuntime().halt(EXIT_STUCK);
        } catch (ProcessorLoadException e) {
            fail(e.problem().name(), FailureText.of(e), e.getCause());
        } catch (RenderException e) {
            fail("RENDER_FAILED", FailureText.of(e), e.getCause());
        } catch (RuntimeException | Error e) {
            fail("RENDER_FAILED", "The render failed: " + e, e);
        }
    }

    static String summary(RenderJob.Rendered rendered, RenderOptions options) {
        RenderInput input = rendered.input();
        return String.format(Locale.ROOT, "Rendered %.3f s of %s through %s to %s (%s, %d Hz, stereo, peak %.1f dBFS)",
                input.seconds(), input.description(), rendered.processor(), options.output(),
                options.format().displayName(), input.sampleRate(), 20 * Math.log10(Math.max(rendered.peak(), 1e-9)))
                + rendered.preset().map(preset -> ". " + preset).orElse("")
                + rendered.midi().map(midi -> ". " + midi).orElse("");
    }

    private static void fail(String problem, String message, Throwable cause) {
        LaunchLine.print(LaunchLine.failed(problem, message, cause));
        System.exit(EXIT_FAILED);
    }
}
