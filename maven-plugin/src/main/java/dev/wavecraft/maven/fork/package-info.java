/**
 * Starting the dev-server JVM and holding on to it. {@link DevServerLauncher} turns a {@link
 * ForkPlan} into a command line ({@link JavaExecutable}, {@link JvmArguments}, the classpath in an
 * {@link ArgFile} under {@code target/wavecraft/}), starts a {@link DevServerProcess} with a fresh
 * {@link ControlSecret} on its stdin and waits for its launch line. {@link DevServerProcess}
 * streams the child's output, sends the heartbeat and stops or kills it; {@link ListenAddress}
 * refuses a host beyond loopback without the opt-in. {@link StopSignal}, run's Ctrl+C handling,
 * sits here too though it is not about forking. Talking to the running server is {@code
 * supervise}'s, and finding a server an earlier goal left is {@code lifecycle}'s.
 */
package dev.wavecraft.maven.fork;
