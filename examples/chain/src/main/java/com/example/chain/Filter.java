package com.example.chain;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A resonant low-pass filter: a state-variable filter in its trapezoidal ("topology-preserving")
 * form, after Andrew Simper, which stays stable however fast the cutoff moves.
 */
public final class Filter implements Processor {

    static final FloatParameter CUTOFF = FloatParameter.of("cutoff", "Cutoff", 20, 20_000, 2_000).withUnit("Hz");
    static final FloatParameter RESONANCE = FloatParameter.of("resonance", "Resonance", 0, 1, 0.2);
    /** Room for this many channels; any beyond pass through unfiltered. */
    private static final int MAX_CHANNELS = 8;

    /** The two integrators' memories per channel: what makes it a filter, handed to the next version on reload. */
    private final double[] ic1 = new double[MAX_CHANNELS];
    private final double[] ic2 = new double[MAX_CHANNELS];
    private double sampleRate = 48_000;

    @Override
    public List<Parameter> parameters() {
        return List.of(CUTOFF, RESONANCE);
    }

    @Override
    public void prepare(double sampleRate, int maxBlockSize) {
        this.sampleRate = sampleRate;
    }

    @Override
    public void process(AudioBlock block, ParameterValues values) {
        double cutoff = Math.min(values.get(CUTOFF), 0.45 * sampleRate);
        double g = Math.tan(Math.PI * cutoff / sampleRate);
        // Damping 2 (no resonance) down to 0.06 (a strong peak, still well short of self-oscillation).
        double k = 2 - 1.94 * values.get(RESONANCE);
        double a1 = 1 / (1 + g * (g + k));
        double a2 = g * a1;
        double a3 = g * a2;
        for (int c = 0; c < Math.min(block.channelCount(), MAX_CHANNELS); c++) {
            float[] samples = block.channel(c);
            double s1 = ic1[c];
            double s2 = ic2[c];
            for (int i = 0; i < block.frames(); i++) {
                double v3 = samples[i] - s2;
                double v1 = a1 * s1 + a2 * v3;
                double v2 = s2 + a2 * s1 + a3 * v3;
                s1 = 2 * v1 - s1;
                s2 = 2 * v2 - s2;
                samples[i] = (float) v2;
            }
            ic1[c] = s1;
            ic2[c] = s2;
        }
    }

    @Override
    public void reset() {
        Arrays.fill(ic1, 0);
        Arrays.fill(ic2, 0);
    }

    /** The filter's memories, so a reload does not click: plain arrays cross to the new class loader. */
    @Override
    public Map<String, Object> saveState() {
        return Map.of("ic1", ic1.clone(), "ic2", ic2.clone());
    }

    @Override
    public void restoreState(Map<String, Object> state) {
        if (state.get("ic1") instanceof double[] saved1 && state.get("ic2") instanceof double[] saved2) {
            System.arraycopy(saved1, 0, ic1, 0, Math.min(saved1.length, MAX_CHANNELS));
            System.arraycopy(saved2, 0, ic2, 0, Math.min(saved2.length, MAX_CHANNELS));
        }
    }
}
