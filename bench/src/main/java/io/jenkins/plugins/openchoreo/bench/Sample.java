package io.jenkins.plugins.openchoreo.bench;

/**
 * One measured deploy: its wall time and the round trips the sandbox saw, to the API and to the
 * identity provider, at the injected per-request latency.
 */
record Sample(double wallMillis, int apiRequests, int identityProviderRequests, long latencyMillis) {

    int roundTrips() {
        return apiRequests + identityProviderRequests;
    }

    /** The least the deploy can take: every round trip waits the injected latency once. */
    long floorMillis() {
        return roundTrips() * latencyMillis;
    }

    /** Wall time ÷ floor, or NaN when there is no floor (no latency injected). */
    double ratio() {
        return floorMillis() == 0 ? Double.NaN : wallMillis / floorMillis();
    }
}
