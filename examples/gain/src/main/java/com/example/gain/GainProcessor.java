package com.example.gain;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.BoolParameter;
import dev.wavecraft.api.EnumParameter;
import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import java.util.List;

/** Drive into a choice of clipping curves, then an output gain. */
public final class GainProcessor implements Processor {

    static final FloatParameter DRIVE =
            FloatParameter.of("drive", "Drive", 0, 24, 0).withUnit("dB").withGroup("Tone");
    static final EnumParameter CURVE =
            EnumParameter.of("curve", "Curve", "Clean", "Soft clip", "Hard clip").withGroup("Tone");
    static final FloatParameter GAIN =
            FloatParameter.of("gain", "Gain", -60, 12, 0).withUnit("dB").withGroup("Output");
    static final BoolParameter BYPASS = BoolParameter.of("bypass", "Bypass", false).withGroup("Output");

    @Override
    public List<Parameter> parameters() {
        return List.of(DRIVE, CURVE, GAIN, BYPASS);
    }

    @Override
    public void process(AudioBlock block, ParameterValues values) {
        if (values.get(BYPASS)) {
            return;
        }
        float drive = decibelsToGain(values.get(DRIVE));
        float gain = decibelsToGain(values.get(GAIN));
        int curve = values.get(CURVE);
        for (int c = 0; c < block.channelCount(); c++) {
            float[] samples = block.channel(c);
            for (int i = 0; i < block.frames(); i++) {
                samples[i] = shape(samples[i] * drive, curve) * gain;
            }
        }
    }

    private static float shape(float sample, int curve) {
        switch (curve) {
            case 1:
                return (float) Math.tanh(sample);
            case 2:
                return Math.max(-1f, Math.min(1f, sample));
            default:
                return sample;
        }
    }

    private static float decibelsToGain(float decibels) {
        return (float) Math.pow(10, decibels / 20.0);
    }
}
