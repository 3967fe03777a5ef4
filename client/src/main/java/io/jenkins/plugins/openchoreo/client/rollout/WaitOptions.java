package io.jenkins.plugins.openchoreo.client.rollout;

import java.io.Serializable;
import java.time.Duration;

/**
 * How to follow a deploy to Ready.
 *
 * @param environment the environment whose ReleaseBinding to watch; null for the component's first
 *     (the one auto-deploy uses)
 * @param timeout how long to wait in all
 * @param interval the first pause between polls; it grows by half each poll up to {@code maxInterval}
 * @param strict whether a 403 on the rollout routes fails the deploy (otherwise a warning)
 */
public record WaitOptions(String environment, Duration timeout, Duration interval, Duration maxInterval,
        boolean strict) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(15);

    public WaitOptions {
        environment = environment == null || environment.isBlank() ? null : environment.trim();
        timeout = positive(timeout, DEFAULT_TIMEOUT, "wait timeout");
        interval = positive(interval, DEFAULT_INTERVAL, "poll interval");
        maxInterval = positive(maxInterval, DEFAULT_MAX_INTERVAL, "maximum poll interval");
        if (maxInterval.compareTo(interval) < 0) {
            maxInterval = interval;
        }
    }

    public static WaitOptions defaults() {
        return new WaitOptions(null, null, null, null, false);
    }

    public WaitOptions withEnvironment(String value) {
        return new WaitOptions(value, timeout, interval, maxInterval, strict);
    }

    public WaitOptions withTimeout(Duration value) {
        return new WaitOptions(environment, value, interval, maxInterval, strict);
    }

    public WaitOptions withIntervals(Duration first, Duration max) {
        return new WaitOptions(environment, timeout, first, max, strict);
    }

    public WaitOptions withStrict(boolean value) {
        return new WaitOptions(environment, timeout, interval, maxInterval, value);
    }

    private static Duration positive(Duration value, Duration fallback, String what) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The " + what + " must be positive, not " + value.toMillis() + " ms");
        }
        return value;
    }
}
