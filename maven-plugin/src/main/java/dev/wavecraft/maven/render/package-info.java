/**
 * {@code wavecraft:render} behind its mojo: {@link Renderer} loads the processor with the dev
 * server's own {@code processor.ProcessorLoader}, reads or generates the input, applies the
 * {@link ParameterAssignments} (from {@code <params>} and {@code wavecraft.params}, checked against
 * the processor's parameters) and writes the WAV file through the server's
 * {@code audio.OfflineRenderer} and {@code audio.wav.WavWriter}. Everything the user can fix is a
 * {@link RenderException}. No server is forked: this runs in the Maven JVM.
 */
package dev.wavecraft.maven.render;
