/**
 * The Maven JVM's hold on the running server. {@link SupervisedControlClient} is the plugin's end of
 * the control channel, to whichever server runs now (every reload of the reload loop goes through
 * it); it remembers the last reported parameter values and, through {@link LastGoodClasses}, a copy
 * of the classes the server last loaded, so that {@link ServerSupervisor} can keep {@code run}'s
 * server up until Ctrl+C, restarting a crashed one on the same port with that code and those
 * values. {@link CrashWindow} decides when to stop restarting and {@link ExitCodes} puts an exit
 * code into words. Starting the process is {@code fork}'s; the messages are the protocol module's.
 */
package dev.wavecraft.maven.supervise;
