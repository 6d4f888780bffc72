package dev.wavecraft.devserver.audio;

import dev.wavecraft.protocol.options.AudioSettings;
import java.util.List;

/**
 * Peak and RMS of the output, accumulated on the audio thread over a {@link LevelWindow} and
 * published without locks; when the live processor is a chain, its {@link StageMeters} are read
 * with each frame, so both ways of getting a frame (asked for, or pushed) carry the stages.
 */
final class MeterTap {

    private final LevelWindow output;
    /** The live generation's stage meters; null while it is not a chain. Set by the audio thread. */
    private volatile StageMeters stages;

    MeterTap(AudioSettings settings) {
        this.output = new LevelWindow(settings, 1);
    }

    /** Audio thread. */
    void accept(float[][] output, int count, long nowMillis) {
        this.output.add(0, output[0], output[output.length - 1], count);
        this.output.blockDone(count, nowMillis);
    }

    /** Audio thread: the live generation's stage meters from now on, or null for a processor that is not a chain. */
    void showStages(StageMeters live) {
        stages = live;
    }

    /** Any thread: the latest frame, or null before the first window is complete. */
    MeterFrame latest() {
        FramePublisher.Frame frame = output.latest();
        if (frame == null) {
            return null;
        }
        float[] v = frame.values();
        StageMeters live = stages;
        List<StageLevels> stageLevels = live == null ? List.of() : live.latest();
        return new MeterFrame(v[LevelWindow.PEAK_L], v[LevelWindow.PEAK_R], v[LevelWindow.RMS_L], v[LevelWindow.RMS_R],
                frame.timestamp(), stageLevels);
    }

    long published() {
        return output.published();
    }
}
