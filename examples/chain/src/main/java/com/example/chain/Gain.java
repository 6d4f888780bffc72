package com.example.chain;

import dev.wavecraft.api.AudioBlock;

/** What the gain stages share: scaling a block by a level in decibels. */
final class Gain {

    private Gain() {
    }

    static void apply(AudioBlock block, float decibels) {
        float gain = (float) Math.pow(10, decibels / 20.0);
        for (int c = 0; c < block.channelCount(); c++) {
            float[] samples = block.channel(c);
            for (int i = 0; i < block.frames(); i++) {
                samples[i] *= gain;
            }
        }
    }
}
