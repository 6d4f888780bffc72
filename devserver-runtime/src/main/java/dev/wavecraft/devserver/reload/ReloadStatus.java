package dev.wavecraft.devserver.reload;

/**
 * What {@code getReloadStatus} reports; {@code state} goes on the wire as its {@link ReloadState#wireName()}.
 *
 * @param paused why auto-reload is paused after a generation kept crashing (the circuit breaker), else null
 * @param lastError the last failure's message while the state is {@link ReloadState#FAILED}, else null
 */
public record ReloadStatus(int generation, ReloadState state, boolean autoReload, String paused, String lastError,
        Stats stats) {

    /** Counters since the server started; {@code lastReloadMs} is the last reload stage alone. */
    public record Stats(int reloads, int failed, int skipped, int builds, long lastReloadMs, long lastTotalMs) {
    }
}
