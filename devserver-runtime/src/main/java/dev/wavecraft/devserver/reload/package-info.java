/**
 * Generations: which one is live, how a new one replaces it, and what is remembered about it.
 * {@link ReloadCoordinator} takes the build tool's reports and reload requests, keeps the
 * {@link ReloadState} and the counters {@link ReloadStatus} reports, and hands two concerns to their
 * own classes: {@code ReloadHistory} owns the last builds, reloads and rollbacks
 * ({@link HistoryEntry}, newest first, bounded) that {@code getReloadHistory} answers, and
 * {@code CircuitBreaker} owns the auto-reload switch, which it opens when a generation kept crashing
 * (the audio engine counts the failing blocks) and closes on the next successful reload. The
 * coordinator tells the browsers through
 * {@link ReloadEvents}. {@link GenerationManager} owns the live {@link Generation}: it snapshots
 * (retried by {@code Backoff}), loads through {@code processor.ProcessorLoader}, has the audio
 * engine prepare the new processor ({@link ProcessorSwapListener}), hands state over as
 * {@code PlainData}, adopts the parameter layout, swaps, keeps {@link RollbackPoint}s and retires
 * the old generation ({@code GenerationRetirer}). The build-side records the mojo fills in and
 * sends over the control channel are the protocol module's ({@code protocol.reload}).
 */
package dev.wavecraft.devserver.reload;
