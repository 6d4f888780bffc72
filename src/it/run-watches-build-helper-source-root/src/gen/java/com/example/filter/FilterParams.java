package com.example.filter;

import dev.wavecraft.api.FloatParameter;
import dev.wavecraft.api.Parameter;
import java.util.List;

/** The filter's parameters, in a source root that build-helper-maven-plugin adds. */
public final class FilterParams {

    public static final FloatParameter CUTOFF = FloatParameter.of("cutoff", "Cutoff", 20, 20000, 1000).withUnit("Hz");

    public static final List<Parameter> ALL = List.of(CUTOFF);

    private FilterParams() {
    }
}
