package dev.wavecraft.devserver.audio;

import dev.wavecraft.api.NoteEventType;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Note events on their way from the RPC threads to the audio thread: a bounded ring for many
 * producers and one consumer (Vyukov's bounded queue: each slot's sequence number says whether it
 * is free, being written or ready). Producers claim a slot with a compare-and-set and never wait
 * for one another to finish; the audio thread only reads what is ready and never blocks or
 * allocates. When the ring is full an event is dropped and counted. The last quarter of the ring
 * is kept for note offs, so a flood of note ons cannot leave a note stuck on.
 */
public final class NoteInbox {

    public static final int DEFAULT_CAPACITY = 1024;

    private static final NoteEventType[] TYPES = NoteEventType.values();

    private final int mask;
    private final int offReserve;
    private final AtomicLongArray sequences;
    private final int[] events;
    private final float[] values;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** Written by the consumer only; read by producers to keep the reserve. */
    private volatile long head;

    NoteInbox(int capacity) {
        if (Integer.bitCount(capacity) != 1 || capacity < 4) {
            throw new IllegalArgumentException("The capacity must be a power of two of at least 4, not " + capacity);
        }
        this.mask = capacity - 1;
        this.offReserve = capacity / 4;
        this.sequences = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            sequences.set(i, i);
        }
        this.events = new int[capacity];
        this.values = new float[capacity];
    }

    /**
     * Any thread: queues one event for the next block.
     *
     * @param number the note, or the controller of a control change (0 for a pitch bend)
     * @param value the velocity, the bend in [-1, 1] or the controller's value in [0, 1]
     * @return false when it was dropped because the inbox is full
     */
    public boolean offer(NoteEventType type, int channel, int number, float value) {
        int limit = type == NoteEventType.NOTE_OFF ? capacity() : capacity() - offReserve;
        long position;
        int slot;
        while (true) {
            position = tail.get();
            slot = (int) position & mask;
            long difference = sequences.get(slot) - position;
            if (difference == 0 && position - head < limit) {
                if (tail.compareAndSet(position, position + 1)) {
                    break;
                }
            } else if (difference < 0 || position - head >= limit) {
                dropped.incrementAndGet();
                return false;
            }
            // Another producer took this slot meanwhile: try the next one.
        }
        events[slot] = type.ordinal() << 16 | (channel & 0x0f) << 8 | (number & 0x7f);
        values[slot] = value;
        sequences.set(slot, position + 1);
        return true;
    }

    /** Events dropped because the inbox was full, since the start. */
    public long dropped() {
        return dropped.get();
    }

    /** Events queued so far (dropped ones not counted). */
    public long queued() {
        return tail.get();
    }

    public int capacity() {
        return mask + 1;
    }

    /**
     * Audio thread only: hands ready events, oldest first, to {@code reader} until it wants no more
     * or none is ready (one a producer is still writing waits for the next call).
     *
     * @return how many were taken
     */
    int drain(Reader reader) {
        long position = head;
        int taken = 0;
        while (reader.wantsMore()) {
            int slot = (int) position & mask;
            if (sequences.get(slot) != position + 1) {
                break;
            }
            int event = events[slot];
            reader.accept(TYPES[event >>> 16], event >>> 8 & 0x0f, event & 0x7f, values[slot]);
            sequences.set(slot, position + capacity());
            position++;
            taken++;
        }
        head = position;
        return taken;
    }

    /** Where {@link #drain} puts events; an object made once, so draining allocates nothing. */
    interface Reader {

        boolean wantsMore();

        void accept(NoteEventType type, int channel, int number, float value);
    }
}
