package dev.wavecraft.devserver.audio;

import dev.wavecraft.api.NoteEventType;
import dev.wavecraft.api.NoteEvents;

/**
 * The note events of the block being processed, on the audio thread: at the start of each block
 * it drains the {@link NoteInbox} into one list that every runner of the block copies (the live
 * generation, compare's A, a generation fading in or out), so they all hear the same events. Live
 * events take effect at the start of the block, in the order they arrived: the least latency, at
 * most one block period plus the transport (placing them by arrival time would even out their
 * timing at the cost of one block more).
 *
 * <p>It keeps the notes held (16 channels × 128 notes), so a runner that plays its first block (a
 * reloaded generation, a new A) starts with note ons for them: a chord held while saving goes on
 * sounding in the new code, and its note offs, when the keys come up, reach the generation that
 * sounds it. An "all notes off" or "all sound off" (CC 123, CC 120) passes through and is followed
 * by a note off for each note held on its channel, for processors that ignore those controllers.
 * One per audio thread; nothing here allocates or locks.
 */
final class LiveNotes implements NoteInbox.Reader {

    /** Room per block: the inbox holds what does not fit for the blocks after. */
    static final int BLOCK_CAPACITY = NoteEvents.DEFAULT_CAPACITY;
    /** Room in a runner's first block for every note held plus the block's own events. */
    static final int RUNNER_CAPACITY = NoteKeys.COUNT + BLOCK_CAPACITY;
    private static final int LIVE_OFFSET = 0;

    private final NoteInbox inbox;
    private final NoteEvents block = NoteEvents.withCapacity(BLOCK_CAPACITY);
    private final NoteEvents firstBlock = NoteEvents.withCapacity(RUNNER_CAPACITY);
    /** Velocity of each held note by channel * 128 + note, 0 when up: now, and before this block's events. */
    private final float[] held = new float[NoteKeys.COUNT];
    private final float[] heldBefore = new float[NoteKeys.COUNT];
    private boolean heldChanged;
    private boolean firstBlockReady;
    private boolean tookThisBlock;
    private volatile long taken;
    /** Published after {@link #peakOfLastNoteBlock}, so a reader that sees a block number sees its peak. */
    private volatile long lastNoteBlock = -1;
    private volatile float peakOfLastNoteBlock;

    LiveNotes(NoteInbox inbox) {
        this.inbox = inbox;
    }

    /** Audio thread, before the block's runners: takes what arrived since the last block. */
    void take() {
        if (heldChanged) {
            System.arraycopy(held, 0, heldBefore, 0, held.length);
            heldChanged = false;
        }
        firstBlockReady = false;
        int count = inbox.drain(this);
        if (count > 0) {
            taken = taken + count;
            tookThisBlock = true;
        }
    }

    /** The events a runner gets this block: with note ons for the held notes in its first block. */
    NoteEvents forRunner(boolean firstBlock) {
        if (!firstBlock) {
            return block;
        }
        if (!firstBlockReady) {
            this.firstBlock.clear();
            for (int key = 0; key < heldBefore.length; key++) {
                if (heldBefore[key] > 0) {
                    this.firstBlock.noteOn(0, NoteKeys.channel(key), NoteKeys.note(key), heldBefore[key]);
                }
            }
            for (int i = 0; i < block.size(); i++) {
                add(this.firstBlock, block.offset(i), block.type(i), block.channel(i), block.note(i), block.value(i));
            }
            firstBlockReady = true;
        }
        return this.firstBlock;
    }

    /** Audio thread, after the block: its events are done with; notes what the block sounded like. */
    void blockDone(float[][] output, int count, long blockNumber) {
        if (tookThisBlock) {
            float peak = 0;
            for (float[] channel : output) {
                for (int i = 0; i < count; i++) {
                    peak = Math.max(peak, Math.abs(channel[i]));
                }
            }
            peakOfLastNoteBlock = peak;
            lastNoteBlock = blockNumber;
            tookThisBlock = false;
        }
        block.clear();
    }

    /** Events taken from the inbox by this audio thread. */
    long taken() {
        return taken;
    }

    /** Any thread: what this audio thread took, and how the last block that took events sounded. */
    NoteCounts counts(NoteInbox from) {
        long block = lastNoteBlock;
        return new NoteCounts(from.queued(), from.dropped(), taken, block, block < 0 ? 0 : peakOfLastNoteBlock);
    }

    @Override
    public boolean wantsMore() {
        // An all-notes-off may add a note off for each of 128 notes after itself.
        return block.size() <= block.capacity() - 1 - NoteKeys.PER_CHANNEL;
    }

    @Override
    public void accept(NoteEventType type, int channel, int number, float value) {
        int offset = LIVE_OFFSET;
        if (!add(block, offset, type, channel, number, value)) {
            return;
        }
        // if, not switch: a switch on an enum initialises a class the first time it runs, on this thread.
        int key = NoteKeys.key(channel, number);
        if (type == NoteEventType.NOTE_ON) {
            held[key] = value;
        } else if (type == NoteEventType.NOTE_OFF) {
            held[key] = 0;
        } else if (NoteKeys.releasesChannel(type, number)) {
            releaseChannel(offset, channel);
        }
        heldChanged = true;
    }

    private void releaseChannel(int offset, int channel) {
        for (int note = 0; note < NoteKeys.PER_CHANNEL; note++) {
            int key = NoteKeys.key(channel, note);
            if (held[key] > 0) {
                held[key] = 0;
                block.noteOff(offset, channel, note, 0);
            }
        }
    }

    private static boolean add(NoteEvents to, int offset, NoteEventType type, int channel, int number, float value) {
        if (type == NoteEventType.NOTE_ON) {
            return to.noteOn(offset, channel, number, value);
        }
        if (type == NoteEventType.NOTE_OFF) {
            return to.noteOff(offset, channel, number, value);
        }
        if (type == NoteEventType.PITCH_BEND) {
            return to.pitchBend(offset, channel, value);
        }
        return to.controlChange(offset, channel, number, value);
    }
}
