package com.example.plugin;

import com.example.dsp.Params;
import com.example.dsp.Shaper;
import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import java.util.List;

/** Lists the parameters dsp declares, so that a parameter added there alone reaches the server. */
public final class Saturator implements Processor {

    @Override
    public List<Parameter> parameters() {
        return Params.ALL;
    }

    @Override
    public void process(AudioBlock block, ParameterValues values) {
        float drive = values.get(Params.DRIVE);
        float mix = values.get(Params.MIX);
        for (int c = 0; c < block.channelCount(); c++) {
            float[] samples = block.channel(c);
            for (int i = 0; i < block.frames(); i++) {
                samples[i] = mix * Shaper.softClip(samples[i], drive) + (1 - mix) * samples[i];
            }
        }
    }
}
