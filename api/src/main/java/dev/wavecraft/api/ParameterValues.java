package dev.wavecraft.api;

/**
 * Current parameter values, read by {@link Processor#process} without allocation:
 * {@code values.get(GAIN)} gives a float, a bool parameter gives a boolean, an enum gives the index
 * of its variant. Processors can also create one in their own tests with {@link #defaults}.
 */
public final class ParameterValues {

    private final ParameterLayout layout;
    private final double[] values;

    private ParameterValues(ParameterLayout layout) {
        this.layout = layout;
        this.values = new double[layout.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = layout.get(i).defaultValue();
        }
    }

    /** Every parameter of {@code layout} at its default. */
    public static ParameterValues defaults(ParameterLayout layout) {
        return new ParameterValues(layout);
    }

    public ParameterLayout layout() {
        return layout;
    }

    public float get(FloatParameter parameter) {
        return (float) values[indexOf(parameter.id())];
    }

    public boolean get(BoolParameter parameter) {
        return values[indexOf(parameter.id())] != 0;
    }

    public int get(EnumParameter parameter) {
        return (int) values[indexOf(parameter.id())];
    }

    /** The value of any kind of parameter as a number (bool: 0 or 1; enum: the index). */
    public double get(String id) {
        return values[indexOf(id)];
    }

    /**
     * Sets one value.
     *
     * @throws IllegalArgumentException when no parameter has this id or it does not accept the value
     */
    public void set(String id, double value) {
        int index = indexOf(id);
        Parameter parameter = layout.get(index);
        if (!parameter.accepts(value)) {
            throw new IllegalArgumentException("Parameter '" + id + "' does not accept " + value
                    + "; it takes " + (parameter.isDiscrete() ? "whole numbers" : "numbers")
                    + " in [" + parameter.min() + ", " + parameter.max() + "]");
        }
        values[index] = value;
    }

    /** The value at {@code index} of the layout, for code that maps values by position (a chain). */
    double valueAt(int index) {
        return values[index];
    }

    /** Sets the value at {@code index}, already known to be a value of that parameter. */
    void setAt(int index, double value) {
        values[index] = value;
    }

    private int indexOf(String id) {
        int index = layout.indexOf(id);
        if (index < 0) {
            throw new IllegalArgumentException("No parameter '" + id + "' in this processor's parameters()");
        }
        return index;
    }
}
