package dev.wavecraft.devserver.audio;

import dev.wavecraft.api.NoteEventType;
import dev.wavecraft.api.NoteEvents;

/**
 * The note events of the block being processed, on the audio thread: at the start of each block
 * it drains the {@link NoteInbox} into one list that every runner of the block copies (the live
 * generation, compare's A, a generation fading in or out), so they all hear the same events. Each
 * event is placed within the block where it arrived within the last block period, which keeps the
 * timing of live playing at the cost of one block of latency.
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
    static final int RUNNER_CAPACITY = AllNotes.COUNT + BLOCK_CAPACITY;
    private static final int ALL_SOUND_OFF = 120;
    private static final int ALL_NOTES_OFF = 123;

    private final NoteInbox inbox;
    private final NoteEvents block = NoteEvents.withCapacity(BLOCK_CAPACITY);
    private final NoteEvents firstBlock = NoteEvents.withCapacity(RUNNER_CAPACITY);
    /** Velocity of each held note by channel * 128 + note, 0 when up: now, and before this block's events. */
    private final float[] held = new float[AllNotes.COUNT];
    private final float[] heldBefore = new float[AllNotes.COUNT];
    private boolean heldChanged;
    private boolean firstBlockReady;
    private long previousStart;
    private long start;
    private int frames;
    private int lastOffset;
    private boolean tookThisBlock;
    private volatile long taken;
    /** Published after {@link #peakOfLastNoteBlock}, so a reader that sees a block number sees its peak. */
    private volatile long lastNoteBlock = -1;
    private volatile float peakOfLastNoteBlock;

    LiveNotes(NoteInbox inbox) {
        this.inbox = inbox;
    }

    /** Audio thread, before the block's runners: takes what arrived since the last block. */
    void take(int frames) {
        if (heldChanged) {
            System.arraycopy(held, 0, heldBefore, 0, held.length);
            heldChanged = false;
        }
        previousStart = start;
        start = System.nanoTime();
        this.frames = frames;
        lastOffset = 0;
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
                    this.firstBlock.noteOn(0, AllNotes.channel(key), AllNotes.note(key), heldBefore[key]);
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
        return block.size() <= block.capacity() - 1 - AllNotes.PER_CHANNEL;
    }

    @Override
    public void accept(NoteEventType type, int channel, int number, float value, long arrivalNanos) {
        int offset = offsetOf(arrivalNanos);
        if (!add(block, offset, type, channel, number, value)) {
            return;
        }
        int key = AllNotes.key(channel, number);
        switch (type) {
            case NOTE_ON -> held[key] = value;
            case NOTE_OFF -> held[key] = 0;
            case CONTROL_CHANGE -> {
                if (number == ALL_NOTES_OFF || number == ALL_SOUND_OFF) {
                    releaseChannel(offset, channel);
                }
            }
            default -> { }
        }
        heldChanged = true;
    }

    private void releaseChannel(int offset, int channel) {
        for (int note = 0; note < AllNotes.PER_CHANNEL; note++) {
            int key = AllNotes.key(channel, note);
            if (held[key] > 0) {
                held[key] = 0;
                block.noteOff(offset, channel, note, 0);
            }
        }
    }

    /**
     * Where in the block an event goes: as far into it as it arrived into the last block period,
     * never before an earlier event (producers stamp their times a little out of order).
     */
    private int offsetOf(long arrivalNanos) {
        long period = start - previousStart;
        if (previousStart == 0 || period <= 0) {
            return lastOffset;
        }
        long into = arrivalNanos - previousStart;
        int offset = into <= 0 ? 0 : (int) Math.min(frames - 1, into * frames / period);
        lastOffset = Math.max(lastOffset, offset);
        return lastOffset;
    }

    private static boolean add(NoteEvents to, int offset, NoteEventType type, int channel, int number, float value) {
        return switch (type) {
            case NOTE_ON -> to.noteOn(offset, channel, number, value);
            case NOTE_OFF -> to.noteOff(offset, channel, number, value);
            case PITCH_BEND -> to.pitchBend(offset, channel, value);
            case CONTROL_CHANGE -> to.controlChange(offset, channel, number, value);
        };
    }

    /** Keys of the 16 × 128 notes. */
    static final class AllNotes {

        static final int PER_CHANNEL = 128;
        static final int COUNT = 16 * PER_CHANNEL;

        private AllNotes() {
        }

        static int key(int channel, int note) {
            return channel * PER_CHANNEL + note;
        }

        static int channel(int key) {
            return key / PER_CHANNEL;
        }

        static int note(int key) {
            return key % PER_CHANNEL;
        }
    }
}
