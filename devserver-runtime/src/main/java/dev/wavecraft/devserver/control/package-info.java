/**
 * The server's end of the loopback control channel to the mojo: {@link ControlServer} (accepts a
 * connection only after a {@code Hello} with the per-run secret, within {@link HelloDeadline}). The
 * messages, their framing and the mojo's end are the protocol module's ({@code protocol.control}).
 * {@link ControlDispatcher} turns received messages into calls on
 * {@code reload.ReloadCoordinator}, and {@link ParameterMirror} keeps the mojo told of every value
 * so a restarted server can get them back. What a reload does is not decided here but in
 * {@code reload}.
 */
package dev.wavecraft.devserver.control;
