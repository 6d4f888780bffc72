/**
 * The goals and their wiring. {@link RunMojo} ({@code run}), {@link StartMojo} and {@link StopMojo}
 * ({@code start}/{@code stop} around integration tests), {@link RenderMojo} ({@code render}) and
 * {@link ClasspathMojo} ({@code classpath}, which {@code run}'s builds call to write {@code
 * project.classpath} and {@code modules.json}). {@link AbstractServerMojo} holds what {@code run}
 * and {@code start} share (parameters, the fork plan, launching, finding a leftover server); {@code
 * stop} and {@code render} do not extend it. {@link DevLoop} ties watcher, build and reload loop
 * together, {@code BuildSetup} picks a warm or fresh Maven, and {@code WorkDirectory} names every
 * file under {@code target/wavecraft}. The work itself lives in the sub-packages, one per concern.
 */
package dev.wavecraft.maven;
