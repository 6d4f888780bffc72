package com.example.chain;

import dev.wavecraft.api.Chain;

/**
 * The processor this project runs: three stages in series, each a processor of its own. Their
 * parameters show up as {@code input_gain}, {@code filter_cutoff}, {@code filter_resonance} and
 * {@code output_gain}, grouped by stage, each stage with a {@code <stage id>_bypass} switch.
 *
 * <p>Add, remove or reorder stages here while {@code mvn wavecraft:run} is running: the values you
 * set on the other stages and their state stay, because they follow the stage ids.
 */
public final class TemplateChain extends Chain {

    public TemplateChain() {
        super(stage("input", new InputGain()), stage("filter", new Filter()), stage("output", new OutputGain()));
    }
}
