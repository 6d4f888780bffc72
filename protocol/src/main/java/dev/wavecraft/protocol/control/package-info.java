/**
 * The control channel between the mojo and the forked server, as both sides speak it: {@link
 * ControlMessages} (the records, one JSON line each, and their decoding), {@link ControlConnection}
 * (the framing of one side of an authenticated connection, with the longest line either side reads),
 * {@link BoundedLineReader} (reads lines without letting a peer grow memory), and {@link
 * ControlClient}, the mojo's end (sends the secret first, matches each {@code Reload} to its {@code
 * Reloaded} by id). The server's end is the runtime's {@code devserver.control}.
 */
package dev.wavecraft.protocol.control;
