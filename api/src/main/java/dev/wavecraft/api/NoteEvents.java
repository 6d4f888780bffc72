package dev.wavecraft.api;

/**
 * The note events of one block, in time order, each at a frame offset within the block. Read them
 * in {@link Processor#process} by index, which allocates nothing:
 *
 * <pre>{@code
 * NoteEvents notes = block.notes();
 * for (int i = 0; i < notes.size(); i++) {
 *     renderUpTo(notes.offset(i));
 *     switch (notes.type(i)) {
 *         case NOTE_ON -> voices.start(notes.note(i), notes.velocity(i));
 *         case NOTE_OFF -> voices.release(notes.note(i));
 *         default -> { }
 *     }
 * }
 * }</pre>
 *
 * <p>The host fills the list before each block and clears it after; a processor only reads it. The
 * capacity is fixed when the list is made: events beyond it are dropped and counted, never allocated
 * for. Processors can fill one in their own tests with the adding methods.
 */
public final class NoteEvents {

    /** Room for this many events per block unless the host asks for another capacity. */
    public static final int DEFAULT_CAPACITY = 512;

    private static final NoteEventType[] TYPES = NoteEventType.values();

    private final byte[] types;
    private final int[] offsets;
    private final byte[] channels;
    private final byte[] numbers;
    private final float[] values;
    private int size;
    private long dropped;

    private NoteEvents(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("The capacity must not be negative, not " + capacity);
        }
        types = new byte[capacity];
        offsets = new int[capacity];
        channels = new byte[capacity];
        numbers = new byte[capacity];
        values = new float[capacity];
    }

    /** An empty list with room for {@code capacity} events per block. */
    public static NoteEvents withCapacity(int capacity) {
        return new NoteEvents(capacity);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return types.length;
    }

    public NoteEventType type(int index) {
        return TYPES[types[check(index)]];
    }

    /** The frame within the block at which the event happens, from 0 to {@code frames() - 1}. */
    public int offset(int index) {
        return offsets[check(index)];
    }

    /** The MIDI channel, 0 to 15. */
    public int channel(int index) {
        return channels[check(index)];
    }

    /** The note number, 0 to 127 (60 is middle C), of a note on or off. */
    public int note(int index) {
        return numbers[check(index)];
    }

    /** The controller number, 0 to 127, of a control change. */
    public int controller(int index) {
        return numbers[check(index)];
    }

    /** How hard a note was struck or released, from 0 to 1. */
    public float velocity(int index) {
        return values[check(index)];
    }

    /** A pitch bend in [-1, 1] or a controller's value in [0, 1]. */
    public float value(int index) {
        return values[check(index)];
    }

    /** Events that did not fit since this list was made. */
    public long dropped() {
        return dropped;
    }

    /** Empties the list; the host calls it after each block. */
    public void clear() {
        size = 0;
    }

    /** Adds a note on; a velocity of 0 is a note off, as in MIDI. */
    public boolean noteOn(int offset, int channel, int note, float velocity) {
        if (velocity == 0) {
            return noteOff(offset, channel, note, 0);
        }
        return add(NoteEventType.NOTE_ON, offset, channel, seven("note", note), unit("velocity", velocity));
    }

    public boolean noteOff(int offset, int channel, int note, float velocity) {
        return add(NoteEventType.NOTE_OFF, offset, channel, seven("note", note), unit("velocity", velocity));
    }

    public boolean pitchBend(int offset, int channel, float value) {
        if (!(value >= -1 && value <= 1)) {
            throw new IllegalArgumentException("A pitch bend lies within [-1, 1], not " + value);
        }
        return add(NoteEventType.PITCH_BEND, offset, channel, 0, value);
    }

    public boolean controlChange(int offset, int channel, int controller, float value) {
        return add(NoteEventType.CONTROL_CHANGE, offset, channel, seven("controller", controller),
                unit("value", value));
    }

    /**
     * Adds one MIDI channel message from its bytes (status, then data), as a MIDI file or Web MIDI
     * carries it: note on, note off, pitch bend and control change; anything else is not a note event.
     *
     * @return false when the bytes are not such a message (including malformed ones), or the list is full
     */
    public boolean addMidi(int offset, int status, int data1, int data2) {
        if ((data1 & ~0x7f) != 0 || (data2 & ~0x7f) != 0) {
            return false;
        }
        int channel = status & 0x0f;
        switch (status & 0xf0) {
            case 0x90:
                return noteOn(offset, channel, data1, data2 / 127f);
            case 0x80:
                return noteOff(offset, channel, data1, data2 / 127f);
            case 0xb0:
                return controlChange(offset, channel, data1, data2 / 127f);
            case 0xe0:
                int bend = (data2 << 7 | data1) - 8192;
                return pitchBend(offset, channel, Math.max(-1f, bend / 8191f));
            default:
                return false;
        }
    }

    /** Makes this list a copy of {@code other}, as far as it fits. */
    public void copyFrom(NoteEvents other) {
        int count = Math.min(other.size, capacity());
        System.arraycopy(other.types, 0, types, 0, count);
        System.arraycopy(other.offsets, 0, offsets, 0, count);
        System.arraycopy(other.channels, 0, channels, 0, count);
        System.arraycopy(other.numbers, 0, numbers, 0, count);
        System.arraycopy(other.values, 0, values, 0, count);
        dropped += other.size - count;
        size = count;
    }

    /** Inserts after every event at the same or an earlier offset, so the list stays in time order. */
    private boolean add(NoteEventType type, int offset, int channel, int number, float value) {
        if (offset < 0) {
            throw new IllegalArgumentException("An event's offset must not be negative, not " + offset);
        }
        if ((channel & ~0x0f) != 0) {
            throw new IllegalArgumentException("A MIDI channel lies within [0, 15], not " + channel);
        }
        if (size == capacity()) {
            dropped++;
            return false;
        }
        int at = size;
        while (at > 0 && offsets[at - 1] > offset) {
            at--;
        }
        int after = size - at;
        System.arraycopy(types, at, types, at + 1, after);
        System.arraycopy(offsets, at, offsets, at + 1, after);
        System.arraycopy(channels, at, channels, at + 1, after);
        System.arraycopy(numbers, at, numbers, at + 1, after);
        System.arraycopy(values, at, values, at + 1, after);
        types[at] = (byte) type.ordinal();
        offsets[at] = offset;
        channels[at] = (byte) channel;
        numbers[at] = (byte) number;
        values[at] = value;
        size++;
        return true;
    }

    private int check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Event " + index + " of " + size);
        }
        return index;
    }

    private static int seven(String what, int number) {
        if ((number & ~0x7f) != 0) {
            throw new IllegalArgumentException("A " + what + " number lies within [0, 127], not " + number);
        }
        return number;
    }

    private static float unit(String what, float value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("A " + what + " lies within [0, 1], not " + value);
        }
        return value;
    }
}
