package dev.wavecraft.devserver.audio;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.Chain;
import dev.wavecraft.api.Stage;
import dev.wavecraft.protocol.options.AudioSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Peak and RMS after each stage of one generation's chain: the {@link Chain.StageTap} its runner
 * installs while that generation is the live one. Made off the audio thread with room for every
 * stage, so metering allocates nothing; each runner has its own, so a generation fading out or
 * compare's A never writes the live figures.
 */
final class StageMeters implements Chain.StageTap {

    private final List<String> ids;
    private final LevelWindow levels;
    private final int last;

    private StageMeters(List<String> ids, AudioSettings settings) {
        this.ids = List.copyOf(ids);
        this.levels = new LevelWindow(settings, Math.max(1, ids.size()));
        this.last = ids.size() - 1;
    }

    /** Meters for {@code chain}'s stages, in chain order. */
    static StageMeters of(Chain chain, AudioSettings settings) {
        List<String> ids = new ArrayList<>();
        for (Stage stage : chain.stages()) {
            ids.add(stage.id());
        }
        return new StageMeters(ids, settings);
    }

    /** Audio thread, from {@link Chain#process}. */
    @Override
    public void afterStage(int stage, AudioBlock block) {
        if (stage > last) {
            return;
        }
        int frames = block.frames();
        levels.add(stage, block.channel(0), block.channel(block.channelCount() - 1), frames);
        if (stage == last) {
            levels.blockDone(frames, System.currentTimeMillis());
        }
    }

    /** Any thread: each stage's levels over the latest window, in chain order; empty before the first. */
    List<StageLevels> latest() {
        FramePublisher.Frame frame = levels.latest();
        if (frame == null) {
            return List.of();
        }
        float[] v = frame.values();
        List<StageLevels> stages = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            int at = i * LevelWindow.VALUES_PER_METER;
            stages.add(new StageLevels(ids.get(i), v[at + LevelWindow.PEAK_L], v[at + LevelWindow.PEAK_R],
                    v[at + LevelWindow.RMS_L], v[at + LevelWindow.RMS_R]));
        }
        return stages;
    }
}
