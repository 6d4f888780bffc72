package dev.wavecraft.devserver.audio;

import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.api.ParameterValues;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.devserver.params.ParameterState;

/**
 * Brings the host's values to one processor once per block, on the audio thread. The host
 * publishes immutable {@link ParameterState}s through an atomic reference, so reading the latest
 * is one volatile read; values are copied into the processor's own preallocated
 * {@link ParameterValues} only when the state changed. No locks, no allocation.
 */
final class ParameterFeed {

    private final ParameterHost host;
    private final ParameterValues values;
    private final String[] ids;
    /** For a processor that is not the live one: where each of its parameters sits in the host's layout. */
    private final int[] sourceIndex;
    private final boolean followsById;
    private ParameterLayout mappedFrom;
    private ParameterState fed;

    private ParameterFeed(ParameterHost host, ParameterLayout layout, boolean followsById) {
        this.host = host;
        this.values = ParameterValues.defaults(layout);
        this.ids = new String[layout.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = layout.get(i).id();
        }
        this.sourceIndex = new int[ids.length];
        this.followsById = followsById;
    }

    /** The live generation's feed: it follows the host while the host's layout is its own. */
    static ParameterFeed live(ParameterHost host, ParameterLayout layout) {
        return new ParameterFeed(host, layout, false);
    }

    /**
     * The feed of a generation running beside the live one (compare's A): it takes the host's values
     * by id whatever the host's layout, clamped into its own ranges; a parameter the host lacks, or
     * has with another type, keeps its own value.
     */
    static ParameterFeed byId(ParameterHost host, ParameterLayout layout) {
        return new ParameterFeed(host, layout, true);
    }

    /** The values the processor reads, up to date with the host (see {@link #live} and {@link #byId}). */
    ParameterValues update() {
        ParameterState state = host.state();
        if (state == fed) {
            return values;
        }
        if (state.layout() == values.layout()) {
            for (int i = 0; i < ids.length; i++) {
                values.set(ids[i], state.value(i));
            }
            fed = state;
        } else if (followsById) {
            // A new host layout comes only with a reload: mapping it here is the rare case.
            if (state.layout() != mappedFrom) {
                map(state.layout());
            }
            for (int i = 0; i < ids.length; i++) {
                if (sourceIndex[i] >= 0) {
                    values.set(ids[i], ParameterState.clamp(values.layout().get(i), state.value(sourceIndex[i])));
                }
            }
            fed = state;
        }
        // Otherwise the state belongs to a generation fading in or out: keep the last values.
        return values;
    }

    private void map(ParameterLayout source) {
        ParameterLayout own = values.layout();
        for (int i = 0; i < ids.length; i++) {
            int index = source.indexOf(ids[i]);
            sourceIndex[i] = index >= 0 && source.get(index).getClass() == own.get(i).getClass() ? index : -1;
        }
        mappedFrom = source;
    }

    /** The values as they are, for warming up before the processor goes live. */
    ParameterValues current() {
        return values;
    }
}
