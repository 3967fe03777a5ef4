package io.jenkins.plugins.openchoreo.client.http;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Hears of every HTTP attempt and every retry: the plugin prints them to the build log, the CLI
 * to stderr, and deploy results count them. Texts handed over are already masked.
 */
public interface CallObserver {

    CallObserver NONE = new CallObserver() {};

    /** One attempt ended, with a status (0 when no answer arrived). */
    default void attempted(HttpCall call, int status, String requestId, Duration elapsed) {}

    /** A failed attempt will be tried again after {@code delay}; {@code reason} says why. */
    default void retrying(HttpCall call, int attempt, String reason, Duration delay) {}

    /** A message worth showing a user (for example a fallback that was taken). */
    default void info(String message) {}

    /**
     * A retry as the front ends show it, after their own verb: {@code GET /x in 200 ms (attempt 1
     * failed: HTTP 503)}.
     */
    static String retryText(HttpCall call, int attempt, String reason, Duration delay) {
        return call.describe() + " in " + delay.toMillis() + " ms (attempt " + attempt + " failed: " + reason + ")";
    }

    /** The observer with every text it hears (a retry's reason, a message) passed through {@code mask} first. */
    static CallObserver masked(CallObserver observer, UnaryOperator<String> mask) {
        return new CallObserver() {
            @Override
            public void attempted(HttpCall call, int status, String requestId, Duration elapsed) {
                observer.attempted(call, status, requestId, elapsed);
            }

            @Override
            public void retrying(HttpCall call, int attempt, String reason, Duration delay) {
                observer.retrying(call, attempt, mask.apply(reason), delay);
            }

            @Override
            public void info(String message) {
                observer.info(mask.apply(message));
            }
        };
    }

    /** Combines observers: each hears every event. */
    static CallObserver both(CallObserver first, CallObserver second) {
        return new CallObserver() {
            @Override
            public void attempted(HttpCall call, int status, String requestId, Duration elapsed) {
                first.attempted(call, status, requestId, elapsed);
                second.attempted(call, status, requestId, elapsed);
            }

            @Override
            public void retrying(HttpCall call, int attempt, String reason, Duration delay) {
                first.retrying(call, attempt, reason, delay);
                second.retrying(call, attempt, reason, delay);
            }

            @Override
            public void info(String message) {
                first.info(message);
                second.info(message);
            }
        };
    }
}
