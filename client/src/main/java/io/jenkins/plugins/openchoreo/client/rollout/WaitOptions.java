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
 * @param strict whether a rollout that cannot be followed (a missing permission, no visible binding,
 *     auto-deploy off) fails the deploy, before the write where that can be known; otherwise a warning
 * @param showLogs whether a rollout that fails to become Ready reports its pods' last log lines (masked
 *     and bounded); they may hold the application's secrets and the build log is widely readable, so
 *     by default only the pods' states and events are reported
 * @param visibilityGrace how long an empty binding list of a component that has a release is taken
 *     for "not bound yet" before it is reported as "not visible to this client"
 */
public record WaitOptions(String environment, Duration timeout, Duration interval, Duration maxInterval,
        boolean strict, boolean showLogs, Duration visibilityGrace) implements Serializable {

    private static final long serialVersionUID = 2L;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(15);
    /** OpenChoreo binds a new release within seconds of making it; 20 s leaves room for a slow controller. */
    public static final Duration DEFAULT_VISIBILITY_GRACE = Duration.ofSeconds(20);

    public WaitOptions {
        environment = environment == null || environment.isBlank() ? null : environment.trim();
        timeout = positive(timeout, DEFAULT_TIMEOUT, "wait timeout");
        interval = positive(interval, DEFAULT_INTERVAL, "poll interval");
        maxInterval = positive(maxInterval, DEFAULT_MAX_INTERVAL, "maximum poll interval");
        if (maxInterval.compareTo(interval) < 0) {
            maxInterval = interval;
        }
        visibilityGrace = positive(visibilityGrace, DEFAULT_VISIBILITY_GRACE, "visibility grace");
    }

    public static WaitOptions defaults() {
        return new WaitOptions(null, null, null, null, false, false, null);
    }

    public WaitOptions withEnvironment(String value) {
        return new WaitOptions(value, timeout, interval, maxInterval, strict, showLogs, visibilityGrace);
    }

    public WaitOptions withTimeout(Duration value) {
        return new WaitOptions(environment, value, interval, maxInterval, strict, showLogs, visibilityGrace);
    }

    public WaitOptions withIntervals(Duration first, Duration max) {
        return new WaitOptions(environment, timeout, first, max, strict, showLogs, visibilityGrace);
    }

    public WaitOptions withStrict(boolean value) {
        return new WaitOptions(environment, timeout, interval, maxInterval, value, showLogs, visibilityGrace);
    }

    public WaitOptions withShowLogs(boolean value) {
        return new WaitOptions(environment, timeout, interval, maxInterval, strict, value, visibilityGrace);
    }

    public WaitOptions withVisibilityGrace(Duration value) {
        return new WaitOptions(environment, timeout, interval, maxInterval, strict, showLogs, value);
    }

    /** The grace actually granted: never longer than the whole wait. */
    Duration grace() {
        return visibilityGrace.compareTo(timeout) < 0 ? visibilityGrace : timeout;
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
