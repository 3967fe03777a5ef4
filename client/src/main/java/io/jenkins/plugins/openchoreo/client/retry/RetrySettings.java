package io.jenkins.plugins.openchoreo.client.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard to try: attempts per call, exponential backoff between them (with jitter so parallel
 * builds do not retry in step), the longest {@code Retry-After} honoured, and an overall deadline
 * per call that bounds all attempts and pauses together.
 */
public record RetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter,
        Duration maxRetryAfter, Duration deadline) {

    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(15);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(3);

    public RetrySettings {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("attempts must be 1-20, not " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initial delay");
        Objects.requireNonNull(maxDelay, "max delay");
        Objects.requireNonNull(maxRetryAfter, "max Retry-After");
        Objects.requireNonNull(deadline, "deadline");
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must be positive, and the maximum at least the initial delay");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter is a fraction between 0 and 1, not " + jitter);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive");
        }
    }

    public static RetrySettings defaults() {
        return new RetrySettings(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY, 0.25,
                DEFAULT_MAX_RETRY_AFTER, DEFAULT_DEADLINE);
    }

    /** No second attempt. */
    public static RetrySettings none() {
        return defaults().withMaxAttempts(1);
    }

    public RetrySettings withMaxAttempts(int attempts) {
        return new RetrySettings(attempts, initialDelay, maxDelay, jitter, maxRetryAfter, deadline);
    }

    public RetrySettings withDelays(Duration initial, Duration max) {
        return new RetrySettings(maxAttempts, initial, max, jitter, maxRetryAfter, deadline);
    }

    public RetrySettings withJitter(double fraction) {
        return new RetrySettings(maxAttempts, initialDelay, maxDelay, fraction, maxRetryAfter, deadline);
    }

    public RetrySettings withMaxRetryAfter(Duration max) {
        return new RetrySettings(maxAttempts, initialDelay, maxDelay, jitter, max, deadline);
    }

    public RetrySettings withDeadline(Duration newDeadline) {
        return new RetrySettings(maxAttempts, initialDelay, maxDelay, jitter, maxRetryAfter, newDeadline);
    }
}
