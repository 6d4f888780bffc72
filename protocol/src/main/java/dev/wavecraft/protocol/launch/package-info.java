/**
 * Starting a runtime JVM: {@link EntryPoints} names the main classes and the JVM options they need,
 * so the plugin starts them without loading them, and {@link LaunchEvent} is the one line a started
 * JVM prints on standard output to say it is ready (with its port) or why it failed.
 */
package dev.wavecraft.protocol.launch;
