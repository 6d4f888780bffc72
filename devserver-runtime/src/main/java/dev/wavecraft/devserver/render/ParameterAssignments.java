package dev.wavecraft.devserver.render;

import dev.wavecraft.api.BoolParameter;
import dev.wavecraft.api.EnumParameter;
import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.devserver.params.ParameterState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parameter values for a render, as text from the POM's {@code <params>} and from
 * {@code -Dwavecraft.params=gain=-6,curve=1} (which wins), set over a preset's values if one was
 * chosen, checked against the processor's
 * parameters: a float takes a number, a bool {@code true}/{@code false}/{@code 1}/{@code 0}, an
 * enum the index or the name of a variant.
 */
final class ParameterAssignments {

    static final String FROM_POM = "<params> in the POM";
    static final String FROM_PROPERTY = "wavecraft.params";

    private final Map<String, Assignment> assignments;

    private ParameterAssignments(Map<String, Assignment> assignments) {
        this.assignments = assignments;
    }

    /**
     * @param pom the POM's values as {@code id=value}, in its order
     * @param property {@code wavecraft.params} as the user wrote it
     * @throws RenderException when the command-line list is not {@code id=value} pairs
     */
    static ParameterAssignments of(List<String> pom, String property) throws RenderException {
        Map<String, Assignment> assignments = new LinkedHashMap<>();
        for (String pair : pom) {
            put(assignments, pair, FROM_POM);
        }
        if (property != null && !property.isBlank()) {
            for (String pair : property.split(",")) {
                if (pair.indexOf('=') <= 0) {
                    throw new RenderException("'" + pair.trim() + "' in " + FROM_PROPERTY + " is not id=value. Write"
                            + " the values as -Dwavecraft.params=gain=-6,curve=1.");
                }
                put(assignments, pair, FROM_PROPERTY);
            }
        }
        return new ParameterAssignments(assignments);
    }

    /** A later value for the same id wins. */
    private static void put(Map<String, Assignment> assignments, String pair, String source) {
        int equals = pair.indexOf('=');
        String id = pair.substring(0, equals).trim();
        assignments.put(id, new Assignment(id, pair.substring(equals + 1), source));
    }

    /**
     * {@code start} (the processor's defaults, with a preset's values when one was chosen) with
     * these values set over it.
     *
     * @param processorName named in messages
     * @throws RenderException naming the parameter, where its value came from, and what it takes
     */
    ParameterValues apply(ParameterState start, String processorName) throws RenderException {
        ParameterLayout layout = start.layout();
        ParameterValues values = ParameterValues.defaults(layout);
        for (int i = 0; i < start.size(); i++) {
            values.set(start.parameter(i).id(), start.value(i));
        }
        for (Assignment assignment : assignments.values()) {
            Parameter parameter = layout.find(assignment.id).orElseThrow(() -> new RenderException("Unknown parameter '"
                    + assignment.id + "' in " + assignment.source + ". " + processorName + " has "
                    + ids(layout.parameters()) + "; use one of these ids."));
            double value = parse(parameter, assignment);
            if (!parameter.accepts(value)) {
                throw new RenderException("Parameter '" + parameter.id() + "' (from " + assignment.source
                        + ") cannot be " + assignment.text.trim() + ": it takes " + takes(parameter) + ".");
            }
            values.set(parameter.id(), value);
        }
        return values;
    }

    private static double parse(Parameter parameter, Assignment assignment) throws RenderException {
        String text = assignment.text == null ? "" : assignment.text.trim();
        if (parameter instanceof BoolParameter) {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "true":
                case "on":
                    return 1;
                case "false":
                case "off":
                    return 0;
                default:
                    break;
            }
        }
        if (parameter instanceof EnumParameter) {
            List<String> variants = ((EnumParameter) parameter).variants();
            for (int i = 0; i < variants.size(); i++) {
                if (variants.get(i).equalsIgnoreCase(text)) {
                    return i;
                }
            }
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new RenderException("Parameter '" + parameter.id() + "' (from " + assignment.source + ") cannot be '"
                    + text + "': it takes " + takes(parameter) + ".");
        }
    }

    private static String takes(Parameter parameter) {
        if (parameter instanceof BoolParameter) {
            return "true or false (or 1 or 0)";
        }
        if (parameter instanceof EnumParameter) {
            List<String> variants = ((EnumParameter) parameter).variants();
            return "a variant, by name or index 0 to " + (variants.size() - 1) + ": " + String.join(", ", variants);
        }
        return "numbers within [" + parameter.min() + ", " + parameter.max() + "]";
    }

    private static String ids(List<Parameter> parameters) {
        return parameters.isEmpty() ? "no parameters"
                : "these parameters: " + parameters.stream().map(Parameter::id).collect(Collectors.joining(", "));
    }

    private record Assignment(String id, String text, String source) {
    }
}
