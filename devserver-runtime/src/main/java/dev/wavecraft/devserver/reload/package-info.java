/**
 * Generations: which one is live, how a new one replaces it, and what is remembered about it.
 * {@link ReloadCoordinator} takes the build tool's reports and reload requests, keeps the status,
 * the history ({@link HistoryEntry}) and the crash circuit breaker, and tells the browsers through
 * {@link ReloadEvents}. {@link GenerationManager} owns the live {@link Generation}: it snapshots
 * (retried by {@code Backoff}), loads through {@code processor.ProcessorLoader}, has the audio
 * engine prepare the new processor ({@link ProcessorSwapListener}), hands state over as
 * {@code PlainData}, adopts the parameter layout, swaps, keeps {@link RollbackPoint}s and retires
 * the old generation ({@code GenerationRetirer}). The build-side records the mojo fills in and
 * sends over the control channel are the protocol module's ({@code protocol.reload}).
 */
package dev.wavecraft.devserver.reload;
