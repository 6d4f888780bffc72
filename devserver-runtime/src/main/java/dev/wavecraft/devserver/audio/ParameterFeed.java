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
    private ParameterState fed;

    ParameterFeed(ParameterHost host, ParameterLayout layout) {
        this.host = host;
        this.values = ParameterValues.defaults(layout);
        this.ids = new String[layout.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = layout.get(i).id();
        }
    }

    /** The values the processor reads, up to date with the host when its layout is this processor's. */
    ParameterValues update() {
        ParameterState state = host.state();
        // A state of another layout belongs to a generation fading in or out: keep the last values.
        if (state != fed && state.layout() == values.layout()) {
            for (int i = 0; i < ids.length; i++) {
                values.set(ids[i], state.value(i));
            }
            fed = state;
        }
        return values;
    }

    /** The values as they are, for warming up before the processor goes live. */
    ParameterValues current() {
        return values;
    }
}
