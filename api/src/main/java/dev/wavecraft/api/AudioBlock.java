package dev.wavecraft.api;

/**
 * One block of audio, processed in place: {@code channel(c)[i]} for {@code i < frames()}.
 * The channel arrays may be longer than {@code frames()}; samples past it are not part of the block.
 * The block also carries the {@link #notes() note events} that fall within it.
 */
public final class AudioBlock {

    private final float[][] channels;
    private final NoteEvents notes;
    private int frames;

    /** A block over the given channel arrays, which must all have the same length, with no note events yet. */
    public AudioBlock(float[][] channels) {
        this(channels, NoteEvents.withCapacity(NoteEvents.DEFAULT_CAPACITY));
    }

    /** A block over the given channel arrays carrying {@code notes}. */
    public AudioBlock(float[][] channels, NoteEvents notes) {
        if (channels == null || channels.length == 0) {
            throw new IllegalArgumentException("An audio block needs at least one channel");
        }
        for (float[] channel : channels) {
            if (channel == null || channel.length != channels[0].length) {
                throw new IllegalArgumentException("Every channel of an audio block needs the same length");
            }
        }
        if (notes == null) {
            throw new IllegalArgumentException("An audio block needs a note list; use NoteEvents.withCapacity(0) for none");
        }
        this.channels = channels;
        this.notes = notes;
        this.frames = channels[0].length;
    }

    public int channelCount() {
        return channels.length;
    }

    public float[] channel(int index) {
        return channels[index];
    }

    public int frames() {
        return frames;
    }

    /** The note events of this block, in time order; empty for a processor fed audio only. */
    public NoteEvents notes() {
        return notes;
    }

    /** The number of frames per channel the array can hold. */
    public int capacity() {
        return channels[0].length;
    }

    /** Uses the first {@code frames} samples of each channel as the block; no allocation. */
    public void setFrames(int frames) {
        if (frames < 0 || frames > capacity()) {
            throw new IllegalArgumentException("frames must lie within [0, " + capacity() + "], not " + frames);
        }
        this.frames = frames;
    }
}
