/**
 * The live parameter values. {@link ParameterHost} owns them as an immutable
 * {@link ParameterState} behind one atomic reference, so the audio thread reads without locking
 * and concurrent writers never lose a change; {@link ParameterHost#adopt} carries values into a new
 * generation's layout by id (clamped, reset when the kind changed) and returns the
 * {@code protocol.reload.LayoutChange}. Declarations and their validation are the api's
 * ({@code dev.wavecraft.api.ParameterLayout}); telling browsers and the mojo about changes is done
 * by {@link ParameterListener}s in {@code rpc} and {@code control}.
 */
package dev.wavecraft.devserver.params;
