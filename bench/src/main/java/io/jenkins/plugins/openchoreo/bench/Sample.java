package io.jenkins.plugins.openchoreo.bench;

/**
 * One measured deploy: its wall time, the round trips the sandbox saw (to the API and to the
 * identity provider, and how many of them one after the other), at the injected per-request latency.
 */
record Sample(double wallMillis, int apiRequests, int identityProviderRequests, int sequentialRoundTrips,
        long latencyMillis) {

    static Sample of(double wallMillis, RoundTrips trips, long latencyMillis) {
        return new Sample(wallMillis, trips.api(), trips.identityProvider(), trips.sequential(), latencyMillis);
    }

    int roundTrips() {
        return apiRequests + identityProviderRequests;
    }

    /** The least the deploy can take: every round trip in sequence waits the injected latency once. */
    long floorMillis() {
        return sequentialRoundTrips * latencyMillis;
    }

    /** Wall time ÷ floor, or NaN when there is no floor (no latency injected). */
    double ratio() {
        return floorMillis() == 0 ? Double.NaN : wallMillis / floorMillis();
    }
}
