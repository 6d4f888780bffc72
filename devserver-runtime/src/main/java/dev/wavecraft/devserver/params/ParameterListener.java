package dev.wavecraft.devserver.params;

import dev.wavecraft.api.Parameter;

/** Hears about accepted value changes. */
@FunctionalInterface
public interface ParameterListener {

    /**
     * @param origin who made the change (a browser session, or null for the host), so it gets no echo
     */
    void valueChanged(Parameter parameter, double value, Object origin);
}
