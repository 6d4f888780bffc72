package dev.wavecraft.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Processors in series, each a named {@link Stage}, itself a processor. A project's processor is
 * usually a chain declared in a constructor:
 *
 * <pre>{@code
 * public final class TemplateChain extends Chain {
 *     public TemplateChain() {
 *         super(stage("input", new InputGain()), stage("osc", new Oscillator()), stage("output", new OutputGain()));
 *     }
 * }
 * }</pre>
 *
 * <p>Each stage's parameters appear as {@code <stage id>_<parameter id>} grouped under the stage's
 * name, the convention Wavecraft's client reads with {@code useParametersForProcessor(id)}. Each
 * stage also gets an on/off {@code <stage id>_bypass} ("Bypass") that skips it, unless it declares a
 * {@code bypass} of its own and handles it itself. After a reload, values and state follow the stage
 * ids, so reordering stages keeps both and a new stage starts at its defaults. Every stage sees the
 * block's note events.
 */
public class Chain implements Processor {

    /** Sees the block after each stage: how the dev server meters a chain stage by stage. */
    @FunctionalInterface
    public interface StageTap {

        StageTap NONE = (stage, block) -> { };

        /** Called on the audio thread after stage {@code stage} (in chain order), even when it is bypassed. */
        void afterStage(int stage, AudioBlock block);
    }

    private final List<Stage> stages;
    private volatile StageParameters[] plan;
    private ParameterLayout locatedIn;
    private volatile StageTap tap = StageTap.NONE;

    /** A chain of these stages, in this order. */
    protected Chain(Stage... stages) {
        if (stages == null) {
            throw new IllegalArgumentException("A chain needs its stages, not null");
        }
        List<Stage> list = new ArrayList<>(stages.length);
        Set<String> ids = new HashSet<>();
        for (Stage stage : stages) {
            if (stage == null) {
                throw new IllegalArgumentException("Stage #" + (list.size() + 1) + " of the chain is null");
            }
            if (!ids.add(stage.id())) {
                throw new IllegalArgumentException("Two stages of the chain have the id '" + stage.id()
                        + "'; stage ids must be unique");
            }
            list.add(stage);
        }
        this.stages = Collections.unmodifiableList(list);
    }

    /** A chain of these stages, in this order. */
    public static Chain of(Stage... stages) {
        return new Chain(stages);
    }

    /** A stage named after its processor's class ({@code InputGain} shows as "Input Gain"). */
    public static Stage stage(String id, Processor processor) {
        return Stage.named(id, processor);
    }

    /** A stage with a name of its own. */
    public static Stage stage(String id, String name, Processor processor) {
        return new Stage(id, name, processor);
    }

    public final List<Stage> stages() {
        return stages;
    }

    /** The ids of stage {@code index}'s parameters in the chain, its bypass included, in order. */
    public final List<String> parameterIds(int index) {
        return plan()[index].ids();
    }

    /** Lets the host see the block after each stage; {@link StageTap#NONE} stops it. */
    public final void tap(StageTap tap) {
        this.tap = tap == null ? StageTap.NONE : tap;
    }

    @Override
    public final List<Parameter> parameters() {
        StageParameters[] fresh = new StageParameters[stages.size()];
        List<Parameter> all = new ArrayList<>();
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = StageParameters.of(stages.get(i));
            all.addAll(fresh[i].declared());
        }
        plan = fresh;
        return Collections.unmodifiableList(all);
    }

    @Override
    public final void process(AudioBlock block, ParameterValues values) {
        StageParameters[] stagePlan = plan();
        if (values.layout() != locatedIn) {
            for (StageParameters stage : stagePlan) {
                stage.locateIn(values.layout());
            }
            locatedIn = values.layout();
        }
        StageTap observer = tap;
        for (int i = 0; i < stagePlan.length; i++) {
            StageParameters stage = stagePlan[i];
            if (!stage.bypassed(values)) {
                stage.stage().processor().process(block, stage.valuesFrom(values));
            }
            observer.afterStage(i, block);
        }
    }

    @Override
    public final void prepare(double sampleRate, int maxBlockSize) {
        for (Stage stage : stages) {
            stage.processor().prepare(sampleRate, maxBlockSize);
        }
    }

    @Override
    public final void reset() {
        for (Stage stage : stages) {
            stage.processor().reset();
        }
    }

    /** Each stage's state under its id; stages with none are left out. */
    @Override
    public final Map<String, Object> saveState() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (Stage stage : stages) {
            Map<String, Object> own = stage.processor().saveState();
            if (own != null && !own.isEmpty()) {
                state.put(stage.id(), own);
            }
        }
        return state;
    }

    /** Hands each stage the state saved under its id; a new stage gets none. */
    @Override
    @SuppressWarnings("unchecked")
    public final void restoreState(Map<String, Object> state) {
        for (Stage stage : stages) {
            if (state.get(stage.id()) instanceof Map<?, ?> own) {
                stage.processor().restoreState((Map<String, Object>) own);
            }
        }
    }

    /** The plan of the last {@link #parameters()} call, made now if the host never asked. */
    private StageParameters[] plan() {
        StageParameters[] current = plan;
        if (current == null) {
            parameters();
            current = plan;
        }
        return current;
    }

    @Override
    public String toString() {
        List<String> ids = new ArrayList<>();
        for (Stage stage : stages) {
            ids.add(stage.id());
        }
        return getClass().getSimpleName() + ids;
    }
}
