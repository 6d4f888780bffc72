package dev.wavecraft.devserver.audio;

/** Where processed blocks go, written on the audio thread. */
public interface AudioSink extends AutoCloseable {

    /**
     * Writes one block; a device sink blocks until the device has room.
     *
     * @return false when the output stopped working and the engine should fall back to silence
     */
    boolean write(float[][] channels, int frames);

    /** True when {@link #write} blocks in step with a device, so the engine need not pace itself. */
    boolean pacesItself();

    /** What the sink writes to, for the status and the log. */
    String description();

    @Override
    void close();
}
