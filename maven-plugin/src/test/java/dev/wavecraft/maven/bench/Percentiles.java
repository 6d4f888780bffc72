package dev.wavecraft.maven.bench;

import java.util.ArrayList;
import java.util.List;

/** Nearest-rank percentiles of a series of milliseconds. */
final class Percentiles {

    private final List<Long> sorted;

    Percentiles(List<Long> millis) {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("No values to take percentiles of");
        }
        sorted = new ArrayList<>(millis);
        sorted.sort(null);
    }

    long p(int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    long max() {
        return sorted.get(sorted.size() - 1);
    }
}
