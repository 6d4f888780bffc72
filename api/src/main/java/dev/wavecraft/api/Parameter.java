package dev.wavecraft.api;

import java.util.Optional;

/**
 * A parameter declaration. Every kind carries its value as a number in {@code [min(), max()]}:
 * a float as itself, a bool as 0 or 1, an enum as the index of its variant.
 */
public sealed interface Parameter permits FloatParameter, BoolParameter, EnumParameter {

    /** The stable id: values survive a reload when the id does. */
    String id();

    String name();

    Optional<String> group();

    double min();

    double max();

    double defaultValue();

    /** True when only whole numbers are values (bool and enum). */
    boolean isDiscrete();

    /** Whether {@code value} is a value of this parameter: finite, in range and, if discrete, whole. */
    default boolean accepts(double value) {
        return Double.isFinite(value)
                && value >= min()
                && value <= max()
                && (!isDiscrete() || value == Math.rint(value));
    }
}
