package dev.wavecraft.devserver.params;

import dev.wavecraft.api.Parameter;
import dev.wavecraft.api.ParameterLayout;
import dev.wavecraft.protocol.reload.LayoutChange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The owner of the live parameter values. Readers take an immutable {@link ParameterState}
 * without locking; writers replace it atomically, so a change is never lost to a concurrent one.
 */
public final class ParameterHost {

    private final AtomicReference<ParameterState> state;
    private final List<ParameterListener> listeners = new CopyOnWriteArrayList<>();

    public ParameterHost(ParameterLayout layout) {
        this.state = new AtomicReference<>(ParameterState.defaults(layout));
    }

    public ParameterState state() {
        return state.get();
    }

    public void addListener(ParameterListener listener) {
        listeners.add(listener);
    }

    /**
     * Sets one value exactly as given (never clamped) and tells every listener.
     *
     * @param origin who asked, passed on to listeners so it gets no echo
     */
    public void set(String id, double value, Object origin) throws ParameterRejectedException {
        ParameterState updated;
        ParameterState current;
        Parameter parameter;
        do {
            current = state.get();
            int index = current.layout().indexOf(id);
            if (index < 0) {
                throw new ParameterRejectedException(ParameterRejectedException.Reason.UNKNOWN_ID,
                        "Parameter not found: '" + id + "'");
            }
            parameter = current.parameter(index);
            check(parameter, value);
            if (current.value(index) == value) {
                return;
            }
            updated = current.with(index, value);
        } while (!state.compareAndSet(current, updated));
        for (ParameterListener listener : listeners) {
            listener.valueChanged(parameter, value, origin);
        }
    }

    /**
     * Sets stored values (a session, a preset, the values of a server that crashed) in one step,
     * fitted to the parameters as they are now ({@link ParameterState#fitted}), and tells every
     * listener of each value that changed.
     *
     * @param origin who asked, passed on to listeners so it gets no echo
     */
    public AppliedValues apply(Map<String, Double> stored, Object origin) {
        ParameterState current;
        ParameterState.Fitted fitted;
        do {
            current = state.get();
            fitted = current.fitted(stored);
        } while (!state.compareAndSet(current, fitted.state()));
        ParameterState updated = fitted.state();
        for (int i = 0; i < updated.size(); i++) {
            if (updated.value(i) != current.value(i)) {
                for (ParameterListener listener : listeners) {
                    listener.valueChanged(updated.parameter(i), updated.value(i), origin);
                }
            }
        }
        return fitted.report();
    }

    /**
     * Moves to a new layout (after a reload), carrying values over by id. Atomic against
     * concurrent {@link #set} calls: a value set while the new generation was being prepared is
     * carried over like any other.
     */
    public LayoutChange adopt(ParameterLayout layout) {
        ParameterState current;
        ParameterState.Carried carried;
        do {
            current = state.get();
            carried = current.carriedInto(layout);
        } while (!state.compareAndSet(current, carried.state()));
        return carried.change();
    }

    private static void check(Parameter parameter, double value) throws ParameterRejectedException {
        if (!(value >= parameter.min() && value <= parameter.max())) {
            throw new ParameterRejectedException(ParameterRejectedException.Reason.OUT_OF_RANGE,
                    "Value " + value + " is out of range for '" + parameter.id() + "': expected ["
                            + parameter.min() + ", " + parameter.max() + "]");
        }
        if (!parameter.accepts(value)) {
            throw new ParameterRejectedException(ParameterRejectedException.Reason.NOT_WHOLE,
                    "'" + parameter.id() + "' takes whole numbers, not " + value);
        }
    }
}
