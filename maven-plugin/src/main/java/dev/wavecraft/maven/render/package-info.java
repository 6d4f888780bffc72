/**
 * {@code wavecraft:render} from the Maven side: {@link RenderLauncher} forks the runtime's renderer
 * ({@code protocol.launch.EntryPoints#RENDER}) through {@code fork.ForkLauncher}, hands it a
 * {@code protocol.options.RenderOptions}, and turns its launch line into the build's outcome.
 * Loading the processor, applying the parameters and writing the WAV file all happen in the fork,
 * so nothing here needs the runtime's classes, and Maven's heap never holds the audio.
 */
package dev.wavecraft.maven.render;
