package io.jenkins.plugins.openchoreo.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** The samples of one scenario, summarised as table cells. */
record Samples(List<Sample> all) {

    Samples {
        all = List.copyOf(all);
    }

    int count() {
        return all.size();
    }

    /** "2" when every deploy made the same number of API requests, else "min–max". */
    String apiPerDeploy() {
        return range(Sample::apiRequests);
    }

    String identityProviderPerDeploy() {
        return range(Sample::identityProviderRequests);
    }

    /** Round trips one after the other / in all, e.g. "3 / 4" (ranges when deploys differ). */
    String roundTripsPerDeploy() {
        return range(Sample::sequentialRoundTrips) + " / " + range(Sample::roundTrips);
    }

    int identityProviderTotal() {
        return all.stream().mapToInt(Sample::identityProviderRequests).sum();
    }

    double wallPercentile(double p) {
        return Percentiles.of(all.stream().map(Sample::wallMillis).toList(), p);
    }

    /** The percentile of the per-deploy ratios, or NaN when no latency was injected. */
    double ratioPercentile(double p) {
        List<Double> ratios = all.stream().map(Sample::ratio).filter(r -> !r.isNaN()).toList();
        return ratios.size() < all.size() ? Double.NaN : Percentiles.of(ratios, p);
    }

    static String millis(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private String range(ToIntFunction<Sample> field) {
        int min = all.stream().mapToInt(field).min().orElse(0);
        int max = all.stream().mapToInt(field).max().orElse(0);
        return min == max ? Integer.toString(min) : min + "–" + max;
    }
}
