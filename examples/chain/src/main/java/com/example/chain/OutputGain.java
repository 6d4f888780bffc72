package com.example.chain;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import java.util.List;

/** The level leaving the chain. */
public final class OutputGain implements Processor {

    static final FloatParameter GAIN = FloatParameter.of("gain", "Gain", -60, 12, 0).withUnit("dB");

    @Override
    public List<Parameter> parameters() {
        return List.of(GAIN);
    }

    @Override
    public void process(AudioBlock block, ParameterValues values) {
        Gain.apply(block, values.get(GAIN));
    }
}
