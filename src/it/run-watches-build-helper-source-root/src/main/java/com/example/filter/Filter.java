package com.example.filter;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import java.util.List;

/** Lists the parameters declared under src/gen/java. */
public final class Filter implements Processor {

    @Override
    public List<Parameter> parameters() {
        return FilterParams.ALL;
    }

    @Override
    public void process(AudioBlock block, ParameterValues values) {
    }
}
