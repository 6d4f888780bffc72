package dev.wavecraft.devserver.audio;

/**
 * What {@code getAudioStatus} reports: the protocol's fields, then our counters.
 *
 * @param diagnostic null when all is well
 * @param updatedAtMs when the phase or the diagnostic last changed, in epoch milliseconds
 * @param generation the generation being heard
 * @param output what the audio goes to
 * @param load the share of the block period spent in {@code process}, over the last second
 * @param lastRollback the last rollback the engine caused, or null
 * @param cpu the time processing took per block over the last seconds
 * @param cpuA the time generation A's {@code process} took per block while comparing, else null
 */
public record AudioStatus(AudioPhase phase, AudioDiagnostic diagnostic, int sampleRate, int bufferSize,
        long updatedAtMs, AudioCounts counters, int generation, String output, double load,
        RollbackNotice lastRollback, CpuLoad cpu, CpuLoad cpuA) {

    /** Whether {@code other} tells a client something new: another phase or diagnostic. */
    boolean differsFrom(AudioStatus other) {
        return other == null || phase != other.phase
                || !java.util.Objects.equals(diagnostic, other.diagnostic);
    }
}
