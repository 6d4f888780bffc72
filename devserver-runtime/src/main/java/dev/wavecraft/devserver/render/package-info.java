/**
 * {@code wavecraft:render} in its own JVM, forked like the dev server. {@link RenderMain} reads a
 * {@code protocol.options.RenderOptions}, watches Maven's pipe ({@code launch.ParentWatchdog}) and
 * prints one launch line: {@code rendered} with a summary, or {@code failed}. {@link RenderJob}
 * loads the processor with {@code processor.ProcessorLoader}, applies the
 * {@link ParameterAssignments} (from {@code <params>} and {@code wavecraft.params}, checked against
 * the processor's parameters), and has {@link BlockRenderer} run it over the {@link RenderInput}
 * on the {@code wavecraft-render} thread, each block going straight to {@code audio.wav.WavWriter}
 * (the file appears complete or not at all). Meanwhile it watches every call into the processor
 * through a {@link dev.wavecraft.devserver.processor.CallWatch}: one that outlives the processor timeout is a {@link StuckCall},
 * which names the line of the project's code ({@code processor.UserCode}) it hangs at, and the JVM is halted.
 * Everything the user can fix is a {@link RenderException}.
 */
package dev.wavecraft.devserver.render;
