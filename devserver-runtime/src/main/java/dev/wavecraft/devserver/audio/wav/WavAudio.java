package dev.wavecraft.devserver.audio.wav;

import dev.wavecraft.protocol.options.SampleFormat;
/**
 * Audio read from or written to a WAV file: one float array per channel, samples in [-1, 1]
 * (float files may exceed it), and the encoding it came in.
 */
public record WavAudio(int sampleRate, float[][] channels, SampleFormat format) {

    public WavAudio {
        if (channels.length == 0) {
            throw new IllegalArgumentException("WAV audio needs at least one channel");
        }
        for (float[] channel : channels) {
            if (channel.length != channels[0].length) {
                throw new IllegalArgumentException("Every channel needs the same length");
            }
        }
    }

    public int channelCount() {
        return channels.length;
    }

    public int frames() {
        return channels[0].length;
    }

    public double seconds() {
        return frames() / (double) sampleRate;
    }
}
