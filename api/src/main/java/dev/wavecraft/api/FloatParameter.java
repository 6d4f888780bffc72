package dev.wavecraft.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A continuous parameter in {@code [min, max]}, for example a gain in dB.
 *
 * <pre>{@code
 * static final FloatParameter GAIN =
 *         FloatParameter.of("gain", "Gain", -60, 12, 0).withUnit("dB").withGroup("Output");
 * }</pre>
 */
public final class FloatParameter implements Parameter {

    private final String id;
    private final String name;
    private final double min;
    private final double max;
    private final double defaultValue;
    private final Optional<String> unit;
    private final Optional<String> group;

    private FloatParameter(String id, String name, double min, double max, double defaultValue,
            String unit, String group) {
        this.id = Declarations.requireId(id, name);
        this.name = Declarations.requireName(id, name);
        this.min = Declarations.requireFinite(id, "min", min);
        this.max = Declarations.requireFinite(id, "max", max);
        this.defaultValue = Declarations.requireFinite(id, "the default", defaultValue);
        if (min >= max) {
            throw new ParameterDeclarationException("Parameter '" + id + "': min (" + min
                    + ") must be less than max (" + max + ")");
        }
        if (defaultValue < min || defaultValue > max) {
            throw new ParameterDeclarationException("Parameter '" + id + "': the default (" + defaultValue
                    + ") must lie within [" + min + ", " + max + "]");
        }
        this.unit = Declarations.optionalLabel(id, "unit", unit);
        this.group = Declarations.optionalLabel(id, "group", group);
    }

    public static FloatParameter of(String id, String name, double min, double max, double defaultValue) {
        return new FloatParameter(id, name, min, max, defaultValue, null, null);
    }

    public FloatParameter withUnit(String unit) {
        return new FloatParameter(id, name, min, max, defaultValue, unit, group.orElse(null));
    }

    public FloatParameter withGroup(String group) {
        return new FloatParameter(id, name, min, max, defaultValue, unit.orElse(null), group);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> group() {
        return group;
    }

    public Optional<String> unit() {
        return unit;
    }

    @Override
    public double min() {
        return min;
    }

    @Override
    public double max() {
        return max;
    }

    @Override
    public double defaultValue() {
        return defaultValue;
    }

    @Override
    public boolean isDiscrete() {
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FloatParameter that
                && id.equals(that.id) && name.equals(that.name)
                && Double.compare(min, that.min) == 0 && Double.compare(max, that.max) == 0
                && Double.compare(defaultValue, that.defaultValue) == 0
                && unit.equals(that.unit) && group.equals(that.group);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, min, max, defaultValue, unit, group);
    }

    @Override
    public String toString() {
        return "FloatParameter[" + id + " in [" + min + ", " + max + "], default " + defaultValue + "]";
    }
}
