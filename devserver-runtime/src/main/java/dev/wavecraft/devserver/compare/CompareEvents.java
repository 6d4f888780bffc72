package dev.wavecraft.devserver.compare;

/** What compare tells the browsers. */
@FunctionalInterface
public interface CompareEvents {

    /** A setting changed; {@code origin} (the client that changed it, or null) gets no echo. */
    void compareChanged(CompareView view, Object origin);
}
