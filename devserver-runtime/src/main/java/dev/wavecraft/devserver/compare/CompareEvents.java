package dev.wavecraft.devserver.compare;

/** What compare tells the browsers. */
@FunctionalInterface
public interface CompareEvents {

    /** A setting changed; {@code origin} (the client that changed it, or null) gets no echo. */
    void compareChanged(CompareView view, Object origin);

    /** These events, then {@code next}'s. */
    default CompareEvents andThen(CompareEvents next) {
        return (view, origin) -> {
            compareChanged(view, origin);
            next.compareChanged(view, origin);
        };
    }
}
