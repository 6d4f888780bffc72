/**
 * What lets one goal find the server another goal started: {@link StateFiles} writes
 * {@code target/wavecraft/devserver.json} ({@link ServerState}: pid with its start instant, ports,
 * URL) and the owner-only {@code control.secret}; {@link ServerStopper} asks over the control
 * channel, then kills by pid only if the recorded start instant still matches. {@link
 * BackgroundServer} is what {@code start} leaves in the plugin context for {@code stop}, with its
 * {@link OutputLog}. Used by {@code stop}, and by {@code run} and {@code start} to clear a leftover
 * server; the fork itself is {@code fork}'s.
 */
package dev.wavecraft.maven.lifecycle;
