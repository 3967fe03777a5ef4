package io.jenkins.plugins.openchoreo.client.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
public final class RetryAfter {

    private RetryAfter() {}

    /**
     * The pause the server asks for, capped at {@code max}; empty when the header is missing or
     * unreadable (then the ordinary backoff applies). A date in the past means "now".
     */
    public static Optional<Duration> parse(String header, Duration max, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Duration asked;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                asked = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                asked = max; // more digits than a long: certainly more than the cap
            }
        } else {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                asked = Duration.between(clock.instant(), when.toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (asked.isNegative()) {
            asked = Duration.ZERO;
        }
        return Optional.of(asked.compareTo(max) > 0 ? max : asked);
    }
}
