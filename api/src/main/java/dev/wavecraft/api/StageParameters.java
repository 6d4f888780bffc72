package dev.wavecraft.api;

import java.util.ArrayList;
import java.util.List;

/**
 * One stage's parameters as its chain declares them: each id prefixed with {@code <stage id>_} and
 * grouped under the stage, plus {@code <stage id>_bypass} unless the stage declares its own
 * {@code bypass}. Remembers where each sits in the chain so values can be handed down by position.
 */
final class StageParameters {

    static final String BYPASS = "bypass";

    private final Stage stage;
    private final ParameterValues own;
    private final String[] chainIds;
    private final String bypassId;
    private final List<Parameter> declared;
    private final int[] chainIndex;
    private int bypassIndex = -1;

    private StageParameters(Stage stage, ParameterLayout layout) {
        this.stage = stage;
        this.own = ParameterValues.defaults(layout);
        this.chainIds = new String[layout.size()];
        this.chainIndex = new int[layout.size()];
        this.declared = new ArrayList<>(layout.size() + 1);
        for (int i = 0; i < layout.size(); i++) {
            Parameter parameter = layout.get(i);
            chainIds[i] = stage.id() + "_" + parameter.id();
            declared.add(prefixed(parameter, chainIds[i], stage.name()));
        }
        if (layout.indexOf(BYPASS) < 0) {
            bypassId = stage.id() + "_" + BYPASS;
            declared.add(BoolParameter.of(bypassId, "Bypass", false).withGroup(stage.name()));
        } else {
            bypassId = null;
        }
    }

    /** Asks the stage for its parameters; a declaration it gets wrong is reported with the stage's id. */
    static StageParameters of(Stage stage) {
        try {
            return new StageParameters(stage, ParameterLayout.of(stage.processor().parameters()));
        } catch (ParameterDeclarationException e) {
            throw new ParameterDeclarationException("Stage '" + stage.id() + "': " + e.getMessage());
        }
    }

    Stage stage() {
        return stage;
    }

    /** The parameters this stage adds to its chain, in order. */
    List<Parameter> declared() {
        return declared;
    }

    List<String> ids() {
        List<String> ids = new ArrayList<>(declared.size());
        for (Parameter parameter : declared) {
            ids.add(parameter.id());
        }
        return ids;
    }

    /** Finds this stage's parameters in the chain's layout; called when the host's layout changes. */
    void locateIn(ParameterLayout chainLayout) {
        for (int i = 0; i < chainIds.length; i++) {
            chainIndex[i] = chainLayout.indexOf(chainIds[i]);
        }
        bypassIndex = bypassId == null ? -1 : chainLayout.indexOf(bypassId);
    }

    /** Whether the chain's own bypass switch of this stage is on. */
    boolean bypassed(ParameterValues chainValues) {
        return bypassIndex >= 0 && chainValues.valueAt(bypassIndex) != 0;
    }

    /** The stage's own values, brought up to date with the chain's; no allocation. */
    ParameterValues valuesFrom(ParameterValues chainValues) {
        for (int i = 0; i < chainIndex.length; i++) {
            if (chainIndex[i] >= 0) {
                own.setAt(i, chainValues.valueAt(chainIndex[i]));
            }
        }
        return own;
    }

    private static Parameter prefixed(Parameter parameter, String id, String stageName) {
        String group = parameter.group().map(own -> stageName + " · " + own).orElse(stageName);
        if (parameter instanceof FloatParameter floating) {
            FloatParameter copy = FloatParameter.of(id, floating.name(), floating.min(), floating.max(),
                    floating.defaultValue()).withGroup(group);
            return floating.unit().map(copy::withUnit).orElse(copy);
        }
        if (parameter instanceof EnumParameter choice) {
            return EnumParameter.of(id, choice.name(), choice.variants().toArray(String[]::new))
                    .withDefault((int) choice.defaultValue()).withGroup(group);
        }
        return BoolParameter.of(id, parameter.name(), parameter.defaultValue() != 0).withGroup(group);
    }
}
