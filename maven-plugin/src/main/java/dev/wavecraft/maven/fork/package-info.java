/**
 * Starting a runtime JVM (the dev server, the renderer) and holding on to it. {@link JvmPlan}
 * describes the JVM every goal forks ({@link JavaExecutable} from the toolchain, {@link
 * JvmArguments}, the runtime's classpath in an {@link ArgFile} under {@code target/wavecraft/});
 * {@link ForkLauncher} starts it as a {@link ForkedProcess}, which streams the child's output,
 * keeps its launch line, sends the heartbeat and stops or kills it, and turns a reported failure
 * into the build's. {@link DevServerLauncher} forks the dev server of a {@link ForkPlan} with a
 * fresh {@link ControlSecret} on its stdin and waits until it is ready ({@code render}'s launcher
 * is in {@code render}); {@link ListenAddress} refuses a host beyond loopback without the opt-in.
 * {@link StopSignal}, run's Ctrl+C handling, sits here too though it is not about forking. Talking
 * to the running server is {@code supervise}'s, and finding a server an earlier goal left is
 * {@code lifecycle}'s.
 */
package dev.wavecraft.maven.fork;
