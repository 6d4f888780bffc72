package dev.wavecraft.devserver.audio;

/**
 * The live notes at one moment.
 *
 * @param queued events the RPC threads put in the inbox
 * @param dropped events dropped because the inbox was full
 * @param taken events the audio thread took into blocks
 * @param lastNoteBlock the number of the last block that took events (as {@link AudioCounts#blocks} counts), -1 before any
 * @param peakOfLastNoteBlock the output peak of that block: what the runners made of its events
 */
public record NoteCounts(long queued, long dropped, long taken, long lastNoteBlock, float peakOfLastNoteBlock) {
}
