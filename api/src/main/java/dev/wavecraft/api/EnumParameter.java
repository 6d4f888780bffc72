package dev.wavecraft.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A choice among named variants, carried as the index of the chosen one. */
public final class EnumParameter implements Parameter {

    private final String id;
    private final String name;
    private final List<String> variants;
    private final int defaultIndex;
    private final Optional<String> group;

    private EnumParameter(String id, String name, List<String> variants, int defaultIndex, String group) {
        this.id = Declarations.requireId(id, name);
        this.name = Declarations.requireName(id, name);
        this.variants = checkVariants(id, variants);
        if (defaultIndex < 0 || defaultIndex >= this.variants.size()) {
            throw new ParameterDeclarationException("Parameter '" + id + "': the default index (" + defaultIndex
                    + ") must lie within [0, " + (this.variants.size() - 1) + "]");
        }
        this.defaultIndex = defaultIndex;
        this.group = Declarations.optionalLabel(id, "group", group);
    }

    /** An enum whose default is its first variant. */
    public static EnumParameter of(String id, String name, String... variants) {
        return new EnumParameter(id, name, variants == null ? null : listOf(variants), 0, null);
    }

    public EnumParameter withDefault(int index) {
        return new EnumParameter(id, name, variants, index, group.orElse(null));
    }

    public EnumParameter withGroup(String group) {
        return new EnumParameter(id, name, variants, defaultIndex, group);
    }

    public List<String> variants() {
        return variants;
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
        return variants.size() - 1;
    }

    @Override
    public double defaultValue() {
        return defaultIndex;
    }

    @Override
    public boolean isDiscrete() {
        return true;
    }

    private static List<String> listOf(String[] variants) {
        // List.of rejects nulls with a bare NullPointerException; checkVariants reports them properly.
        return new ArrayList<>(java.util.Arrays.asList(variants));
    }

    private static List<String> checkVariants(String id, List<String> variants) {
        if (variants == null || variants.isEmpty()) {
            throw new ParameterDeclarationException("Parameter '" + id + "': an enum needs at least one variant");
        }
        Set<String> seen = new HashSet<>();
        for (String variant : variants) {
            if (variant == null || variant.isBlank()) {
                throw new ParameterDeclarationException("Parameter '" + id + "': variant names must not be blank");
            }
            if (!seen.add(variant)) {
                throw new ParameterDeclarationException(
                        "Parameter '" + id + "': the variant '" + variant + "' appears twice");
            }
        }
        return List.copyOf(variants);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnumParameter that
                && id.equals(that.id) && name.equals(that.name) && variants.equals(that.variants)
                && defaultIndex == that.defaultIndex && group.equals(that.group);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, variants, defaultIndex, group);
    }

    @Override
    public String toString() {
        return "EnumParameter[" + id + " " + variants + ", default " + variants.get(defaultIndex) + "]";
    }
}
