package dev.wavecraft.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A processor's parameters in declaration order, checked to have unique ids. */
public final class ParameterLayout {

    private final List<Parameter> parameters;
    private final Map<String, Integer> indexById;

    private ParameterLayout(List<Parameter> parameters, Map<String, Integer> indexById) {
        this.parameters = parameters;
        this.indexById = indexById;
    }

    /**
     * Checks a declaration list as a whole; each parameter checked its own rules when it was made.
     *
     * @throws ParameterDeclarationException naming the parameter and the rule it broke
     */
    public static ParameterLayout of(List<? extends Parameter> declared) {
        if (declared == null) {
            throw new ParameterDeclarationException("parameters() returned null; return List.of() for none");
        }
        List<Parameter> parameters = new ArrayList<>(declared.size());
        Map<String, Integer> indexById = new HashMap<>();
        for (Parameter parameter : declared) {
            int position = parameters.size();
            if (parameter == null) {
                throw new ParameterDeclarationException(
                        "Parameter #" + (position + 1) + " of parameters() is null");
            }
            Integer earlier = indexById.putIfAbsent(parameter.id(), position);
            if (earlier != null) {
                throw new ParameterDeclarationException("Parameter '" + parameter.id()
                        + "': the id is declared twice (#" + (earlier + 1) + " and #" + (position + 1)
                        + "); ids must be unique");
            }
            parameters.add(parameter);
        }
        return new ParameterLayout(Collections.unmodifiableList(parameters), Map.copyOf(indexById));
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public int size() {
        return parameters.size();
    }

    public Parameter get(int index) {
        return parameters.get(index);
    }

    /** The position of the parameter with this id, or -1. */
    public int indexOf(String id) {
        Integer index = indexById.get(id);
        return index == null ? -1 : index;
    }

    public Optional<Parameter> find(String id) {
        int index = indexOf(id);
        return index < 0 ? Optional.empty() : Optional.of(parameters.get(index));
    }
}
