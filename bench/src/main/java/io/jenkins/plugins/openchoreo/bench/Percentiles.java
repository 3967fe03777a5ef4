package io.jenkins.plugins.openchoreo.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a list of numbers. */
final class Percentiles {

    private Percentiles() {
    }

    /** The value at percentile {@code p} (0 < p ≤ 100) by the nearest-rank method; NaN for no values. */
    static double of(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
