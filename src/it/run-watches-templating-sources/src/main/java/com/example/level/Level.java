package com.example.level;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import java.util.List;

/** Its parameter's display name comes from a template. */
public final class Level implements Processor {

    static final FloatParameter LEVEL = FloatParameter.of("level", Names.LEVEL, 0, 1, 0.5);

    @Override
    public List<Parameter> parameters() {
        return List.of(LEVEL);
    }

    @Override
    public void process(AudioBlock block, ParameterValues values) {
    }
}
