package com.example.dsp;

import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.Parameter;
import java.util.List;

/** The saturator's parameters, declared next to the DSP code that reads them. */
public final class Params {

    public static final FloatParameter DRIVE = FloatParameter.of("drive", "Drive", 0, 24, 6).withUnit("dB");
    public static final FloatParameter MIX = FloatParameter.of("mix", "Mix", 0, 1, 1);

    /** Every parameter, in the order the processor lists them. */
    public static final List<Parameter> ALL = List.of(DRIVE, MIX);

    private Params() {
    }
}
