package it.tremolo;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.EnumParameter;
import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import java.util.List;

public final class Tremolo implements Processor {

    static final FloatParameter RATE = FloatParameter.of("rate", "Rate", 0.1, 20, 4).withUnit("Hz");
    static final FloatParameter DEPTH = FloatParameter.of("depth", "Depth", 0, 1, 0.5);
    static final EnumParameter SHAPE = EnumParameter.of("shape", "Shape", "Sine", "Square");

    @Override
    public List<Parameter> parameters() {
        return List.of(RATE, DEPTH, SHAPE);
    }

    @Override
    public void process(AudioBlock block, ParameterValues values) {
    }
}
