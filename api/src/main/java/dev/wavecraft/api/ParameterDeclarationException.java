package dev.wavecraft.api;

/** A parameter declaration broke a rule; the message names the parameter and the rule. */
public final class ParameterDeclarationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ParameterDeclarationException(String message) {
        super(message);
    }
}
