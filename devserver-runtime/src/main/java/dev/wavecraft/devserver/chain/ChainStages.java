package dev.wavecraft.devserver.chain;

import dev.wavecraft.api.Chain;
import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.Processor;
import dev.wavecraft.api.Stage;
import dev.wavecraft.devserver.processor.LoadedProcessor;
import dev.wavecraft.protocol.reload.StageChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A processor seen as stages in order: a {@link Chain}'s own stages, or the processor itself as the
 * one stage of a processor that is not a chain (named after its class, with all its parameters).
 * Reads only what the api's final {@code Chain} methods give, so no user code runs.
 *
 * @param chain whether the processor is a {@link Chain}
 */
public record ChainStages(boolean chain, List<StageLayout> stages) {

    /** One stage: its id, the name the dashboard shows, and its parameter ids in the chain, bypass included. */
    public record StageLayout(String id, String name, List<String> parameters) {

        public StageLayout {
            parameters = List.copyOf(parameters);
        }
    }

    public ChainStages {
        stages = List.copyOf(stages);
    }

    /** The stages of a loaded generation's processor. */
    public static ChainStages of(LoadedProcessor loaded) {
        return of(loaded.processor(), loaded.layout());
    }

    /** The stages of {@code processor}, whose validated parameters are {@code layout}. */
    public static ChainStages of(Processor processor, ParameterLayout layout) {
        if (processor instanceof Chain chain) {
            List<StageLayout> stages = new ArrayList<>();
            for (int i = 0; i < chain.stages().size(); i++) {
                Stage stage = chain.stages().get(i);
                stages.add(new StageLayout(stage.id(), stage.name(), chain.parameterIds(i)));
            }
            return new ChainStages(true, stages);
        }
        List<String> ids = new ArrayList<>(layout.size());
        for (int i = 0; i < layout.size(); i++) {
            ids.add(layout.get(i).id());
        }
        String id = soleStageId(processor.getClass().getSimpleName());
        return new ChainStages(false, List.of(new StageLayout(id, Chain.stage(id, processor).name(), ids)));
    }

    public List<String> ids() {
        return stages.stream().map(StageLayout::id).toList();
    }

    /**
     * The stages {@code next} added and removed, by id, and whether the surviving ones changed order;
     * {@link StageChange#NONE} when neither side is a chain.
     */
    public StageChange changeTo(ChainStages next) {
        if (!chain && !next.chain) {
            return StageChange.NONE;
        }
        List<String> before = chain ? ids() : List.of();
        List<String> after = next.chain ? next.ids() : List.of();
        List<String> added = after.stream().filter(id -> !before.contains(id)).toList();
        List<String> removed = before.stream().filter(id -> !after.contains(id)).toList();
        List<String> keptBefore = before.stream().filter(after::contains).toList();
        List<String> keptAfter = after.stream().filter(before::contains).toList();
        return new StageChange(true, added, removed, !keptBefore.equals(keptAfter));
    }

    /** {@code GainProcessor} gives {@code gainProcessor}; a class with no usable name gives {@code processor}. */
    private static String soleStageId(String simpleName) {
        String id = simpleName.replaceAll("[^A-Za-z0-9_-]", "");
        if (id.isEmpty() || !Character.isLetterOrDigit(id.charAt(0))) {
            return "processor";
        }
        return id.substring(0, 1).toLowerCase(Locale.ROOT) + id.substring(1);
    }
}
