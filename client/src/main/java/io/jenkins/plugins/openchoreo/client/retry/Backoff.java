package io.jenkins.plugins.openchoreo.client.retry;

import java.time.Duration;

/** Exponential backoff with jitter, so parallel builds that failed together do not retry together. */
final class Backoff {

    private Backoff() {
    }

    /**
     * The pause after {@code attempts} failed attempts: the initial delay doubled per attempt, capped
     * at the maximum, then moved by up to ± jitter. {@code random} is uniform in [0, 1).
     */
    static Duration delay(RetrySettings settings, int attempts, double random) {
        long initial = settings.initialDelay().toNanos();
        long max = settings.maxDelay().toNanos();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long base = initial > max >> doublings ? max : initial << doublings;
        double factor = 1 + settings.jitter() * (2 * random - 1);
        return Duration.ofNanos(Math.round(base * factor));
    }
}
