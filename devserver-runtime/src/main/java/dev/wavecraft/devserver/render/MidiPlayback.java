package dev.wavecraft.devserver.render;

import dev.wavecraft.api.NoteEvents;

/**
 * A {@link MidiScore} played into a render block by block: each message lands in the block that
 * holds its frame, at its offset within the block, so notes start on the exact sample.
 */
final class MidiPlayback {

    private final long[] frames;
    private final int[] messages;
    private int next;

    MidiPlayback(long[] frames, int[] messages) {
        this.frames = frames;
        this.messages = messages;
    }

    /** A render without a MIDI file. */
    static MidiPlayback none() {
        return new MidiPlayback(new long[0], new int[0]);
    }

    /** The most messages any one block of {@code blockSize} frames gets, so its note list never drops one. */
    int busiestBlock(int blockSize) {
        int busiest = 0;
        int count = 0;
        long block = -1;
        for (long frame : frames) {
            long index = frame / blockSize;
            count = index == block ? count + 1 : 1;
            block = index;
            busiest = Math.max(busiest, count);
        }
        return busiest;
    }

    /** Puts the messages of frames {@code [start, start + count)} into {@code notes}, at their offsets. */
    void fill(NoteEvents notes, long start, int count) {
        notes.clear();
        long end = start + count;
        while (next < frames.length && frames[next] < end) {
            int message = messages[next];
            notes.addMidi((int) Math.max(0, frames[next] - start), message & 0xff, message >> 8 & 0x7f,
                    message >> 16 & 0x7f);
            next++;
        }
    }
}
