package dev.wavecraft.devserver.params;

import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterLayout;

/** An immutable snapshot: a layout and one value per parameter, in layout order. */
public final class ParameterState {

    private final ParameterLayout layout;
    private final double[] values;

    private ParameterState(ParameterLayout layout, double[] values) {
        this.layout = layout;
        this.values = values;
    }

    static ParameterState defaults(ParameterLayout layout) {
        double[] values = new double[layout.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = layout.get(i).defaultValue();
        }
        return new ParameterState(layout, values);
    }

    ParameterState with(int index, double value) {
        double[] changed = values.clone();
        changed[index] = value;
        return new ParameterState(layout, changed);
    }

    public ParameterLayout layout() {
        return layout;
    }

    public double value(int index) {
        return values[index];
    }

    public Parameter parameter(int index) {
        return layout.get(index);
    }

    public int size() {
        return values.length;
    }
}
