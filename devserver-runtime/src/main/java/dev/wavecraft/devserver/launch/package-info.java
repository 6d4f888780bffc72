/**
 * The forked JVM's process boundary. {@link DevServerMain} is the main class: it reads the control
 * secret from stdin, starts the server and prints one {@code protocol.launch.LaunchEvent} line
 * through {@link LaunchLine} ({@code ready} with URL and ports, or {@code failed} with a problem
 * name), which the mojo's {@code fork.ForkedProcess} waits for. {@link ParentWatchdog} ends the
 * server when stdin closes (Maven exited or was killed) or the mojo's heartbeat bytes stop (Maven
 * suspended); the renderer ({@code render.RenderMain}) uses both too. The server itself is
 * assembled in {@code dev.wavecraft.devserver.DevServer}.
 */
package dev.wavecraft.devserver.launch;
