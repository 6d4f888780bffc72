package dev.wavecraft.api;

import java.util.Optional;

/** The rules every parameter declaration follows, checked when it is made. */
final class Declarations {

    private Declarations() {
    }

    static String requireId(String id, String name) {
        if (id == null || id.isBlank()) {
            throw new ParameterDeclarationException("Parameter " + describe(name)
                    + ": the id must not be blank; give it a stable id such as \"gain\"");
        }
        return id;
    }

    static String requireName(String id, String name) {
        if (name == null || name.isBlank()) {
            throw new ParameterDeclarationException("Parameter '" + id + "': the name must not be blank");
        }
        return name;
    }

    static double requireFinite(String id, String what, double value) {
        if (!Double.isFinite(value)) {
            throw new ParameterDeclarationException(
                    "Parameter '" + id + "': " + what + " must be a finite number, not " + value);
        }
        return value;
    }

    static Optional<String> optionalLabel(String id, String what, String value) {
        if (value != null && value.isBlank()) {
            throw new ParameterDeclarationException(
                    "Parameter '" + id + "': the " + what + " must not be blank; leave it out instead");
        }
        return Optional.ofNullable(value);
    }

    private static String describe(String name) {
        return name == null || name.isBlank() ? "without a name" : "named '" + name + "'";
    }
}
