/**
 * The loopback control channel between the mojo and the forked server, both ends of it:
 * {@link ControlServer} (accepts a connection only after a {@code Hello} with the per-run secret,
 * within {@link HelloDeadline}), {@link ControlClient} (used in the Maven JVM; matches each
 * {@code Reload} to its {@code Reloaded} by id), and {@link ControlMessages}, the records both sides
 * encode as one JSON line each. {@link ControlDispatcher} turns received messages into calls on
 * {@code reload.ReloadCoordinator}, and {@link ParameterMirror} keeps the mojo told of every value
 * so a restarted server can get them back. What a reload does is not decided here but in
 * {@code reload}.
 */
package dev.wavecraft.devserver.control;
