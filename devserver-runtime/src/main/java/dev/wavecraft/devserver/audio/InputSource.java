package dev.wavecraft.devserver.audio;

/** Produces the engine's input, block by block, on the audio thread: no allocation, no locks. */
@FunctionalInterface
public interface InputSource {

    /** Writes {@code frames} samples into each channel array. */
    void fill(float[][] channels, int frames);
}
