/**
 * The forked JVM's process boundary. {@link DevServerMain} is the main class: it reads the control
 * secret from stdin, starts the server and prints one {@code protocol.launch.LaunchEvent} line
 * ({@code ready} with URL and ports, or {@code failed} with a problem name), which the mojo's
 * {@code fork.DevServerProcess} waits for. {@link ParentWatchdog} ends the server when stdin closes
 * (Maven exited or was killed) or the mojo's heartbeat bytes stop (Maven suspended). The server
 * itself is assembled in {@code dev.wavecraft.devserver.DevServer}.
 */
package dev.wavecraft.devserver.launch;
