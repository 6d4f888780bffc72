package dev.wavecraft.devserver.audio;

/**
 * The engine rolled a failing generation back: which one, to which, why and when (epoch ms).
 *
 * @param restoredAs the number the restored code runs under, or -1 when the rollback failed
 */
public record RollbackNotice(int failedGeneration, int restoredAs, String reason, long atMs) {
}
