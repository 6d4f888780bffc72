package dev.wavecraft.devserver.params;

import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.protocol.reload.LayoutChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable snapshot: a layout and one value per parameter, in layout order. */
public final class ParameterState {

    private final ParameterLayout layout;
    private final double[] values;

    private ParameterState(ParameterLayout layout, double[] values) {
        this.layout = layout;
        this.values = values;
    }

    /** Every parameter of {@code layout} at its default. */
    public static ParameterState defaults(ParameterLayout layout) {
        double[] values = new double[layout.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = layout.get(i).defaultValue();
        }
        return new ParameterState(layout, values);
    }

    /** The values by id, in layout order: what sessions, presets and crash restores store. */
    public Map<String, Double> byId() {
        Map<String, Double> byId = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            byId.put(layout.get(i).id(), values[i]);
        }
        return byId;
    }

    /** This state's values in {@code next}, matched by id. */
    Carried carriedInto(ParameterLayout next) {
        ParameterState result = defaults(next);
        List<String> added = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> reset = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            Parameter parameter = next.get(i);
            int old = layout.indexOf(parameter.id());
            if (old < 0) {
                added.add(parameter.id());
            } else if (layout.get(old).getClass() != parameter.getClass()) {
                reset.add(parameter.id());
            } else {
                result.values[i] = clamp(parameter, values[old]);
                kept.add(parameter.id());
            }
        }
        List<String> removed = new ArrayList<>();
        for (Parameter parameter : layout.parameters()) {
            if (next.indexOf(parameter.id()) < 0) {
                removed.add(parameter.id());
            }
        }
        return new Carried(result, new LayoutChange(added, removed, kept, reset));
    }

    /**
     * This state with stored values set by id: the one rule for sessions, presets and crash
     * restores. A value that no longer fits its parameter is clamped into its range (and rounded,
     * for a bool or enum); an id the layout lacks, or a value that is no finite number, is dropped.
     */
    public Fitted fitted(Map<String, Double> stored) {
        double[] result = values.clone();
        List<String> applied = new ArrayList<>();
        List<String> clamped = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, Double> entry : stored.entrySet()) {
            int index = layout.indexOf(entry.getKey());
            Double value = entry.getValue();
            if (index < 0 || value == null || !Double.isFinite(value)) {
                dropped.add(entry.getKey());
                continue;
            }
            double fitted = clamp(layout.get(index), value);
            result[index] = fitted;
            (fitted == value ? applied : clamped).add(entry.getKey());
        }
        return new Fitted(new ParameterState(layout, result), new AppliedValues(applied, clamped, dropped));
    }

    /** A state with stored values set, and what became of them. */
    public record Fitted(ParameterState state, AppliedValues report) {
    }

    /** {@code value} brought into the parameter's range, and to a whole number when it takes whole numbers. */
    public static double clamp(Parameter parameter, double value) {
        double inRange = Math.max(parameter.min(), Math.min(parameter.max(), value));
        return parameter.isDiscrete() ? Math.rint(inRange) : inRange;
    }

    /** A state carried into a new layout, and how the layouts related. */
    record Carried(ParameterState state, LayoutChange change) {
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
