/**
 * The goals. {@link RunMojo} ({@code run}), {@link StartMojo} and {@link StopMojo} ({@code
 * start}/{@code stop} around integration tests), {@link RenderMojo} ({@code render}) and {@link
 * ClasspathMojo} ({@code classpath}, which {@code run}'s builds call to write {@code
 * project.classpath} and {@code modules.json}). Their shared parameters sit in three layers, one
 * concern each: {@link AbstractForkingMojo} (the processor and the JVM it runs in, for {@code run},
 * {@code start} and {@code render}), {@link AbstractHotReloadMojo} (watching and rebuilding) and
 * {@link AbstractServerMojo} (the server's settings and one fixed {@code execute()} sequence whose
 * last step, {@code serve()}, is the goal's own). {@code WorkDirectory} names every file under
 * {@code target/wavecraft}. The work itself lives in the sub-packages, one per concern.
 */
package dev.wavecraft.maven;
