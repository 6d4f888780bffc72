package dev.wavecraft.devserver.audio;

import java.util.List;

/**
 * Peak and RMS levels of the output per channel, linear, over one meter window; epoch milliseconds.
 *
 * @param stages the levels after each stage when the live processor is a chain, in chain order;
 *     empty otherwise
 */
public record MeterFrame(float peakL, float peakR, float rmsL, float rmsR, long timestamp, List<StageLevels> stages) {

    public MeterFrame {
        stages = List.copyOf(stages);
    }
}
