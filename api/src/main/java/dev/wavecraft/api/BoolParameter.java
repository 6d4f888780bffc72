package dev.wavecraft.api;

import java.util.Objects;
import java.util.Optional;

/** An on/off parameter, carried as 0 or 1. */
public final class BoolParameter implements Parameter {

    private final String id;
    private final String name;
    private final boolean defaultOn;
    private final Optional<String> group;

    private BoolParameter(String id, String name, boolean defaultOn, String group) {
        this.id = Declarations.requireId(id, name);
        this.name = Declarations.requireName(id, name);
        this.defaultOn = defaultOn;
        this.group = Declarations.optionalLabel(id, "group", group);
    }

    public static BoolParameter of(String id, String name, boolean defaultOn) {
        return new BoolParameter(id, name, defaultOn, null);
    }

    public BoolParameter withGroup(String group) {
        return new BoolParameter(id, name, defaultOn, group);
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

    @Override
    public double min() {
        return 0;
    }

    @Override
    public double max() {
        return 1;
    }

    @Override
    public double defaultValue() {
        return defaultOn ? 1 : 0;
    }

    @Override
    public boolean isDiscrete() {
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BoolParameter that
                && id.equals(that.id) && name.equals(that.name)
                && defaultOn == that.defaultOn && group.equals(that.group);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, defaultOn, group);
    }

    @Override
    public String toString() {
        return "BoolParameter[" + id + ", default " + defaultOn + "]";
    }
}
