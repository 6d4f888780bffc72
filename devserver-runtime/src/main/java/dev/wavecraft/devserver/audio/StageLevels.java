package dev.wavecraft.devserver.audio;

/** Peak and RMS per channel after one stage of a chain, linear, over one meter window. */
public record StageLevels(String id, float peakL, float peakR, float rmsL, float rmsR) {
}
