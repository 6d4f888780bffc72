package dev.wavecraft.devserver.audio;

import dev.wavecraft.api.AudioBlock;
import dev.wavecraft.api.BoolParameter;
import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.api.Processor;
import java.util.List;

/** Small real processors for the engine's tests. */
final class TestProcessors {

    static final FloatParameter GAIN = FloatParameter.of("gain", "Gain", -60, 12, 0).withUnit("dB");
    static final BoolParameter TRIP = BoolParameter.of("trip", "Trip", false);

    private TestProcessors() {
    }

    static ParameterLayout layoutOf(Processor processor) {
        return ParameterLayout.of(processor.parameters());
    }

    /** Output gain in dB; when {@code trip} is on, throws for the next {@code failures} blocks. */
    static final class Gain implements Processor {

        private final int failures;
        private int thrown;

        Gain() {
            this(0);
        }

        Gain(int failures) {
            this.failures = failures;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(GAIN, TRIP);
        }

        @Override
        public void process(AudioBlock block, ParameterValues values) {
            if (values.get(TRIP) && thrown < failures) {
                thrown++;
                throw new IllegalStateException("filter blew up");
            }
            float gain = (float) Math.pow(10, values.get(GAIN) / 20.0);
            for (int c = 0; c < block.channelCount(); c++) {
                float[] samples = block.channel(c);
                for (int i = 0; i < block.frames(); i++) {
                    samples[i] *= gain;
                }
            }
        }
    }

    /** Takes {@code millis} for every block. */
    static final class Slow implements Processor {

        private final long nanos;

        Slow(double millis) {
            this.nanos = (long) (millis * 1e6);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public void process(AudioBlock block, ParameterValues values) {
            // Simulated work: a processor this slow is the behaviour under test.
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
    }
}
