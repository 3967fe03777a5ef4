package io.jenkins.plugins.openchoreo;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code waitTimeout} argument: a plain string, because Pipeline's data binding (structs)
 * binds strings and numbers but no {@link Duration}. Accepted: {@code 10} (minutes),
 * {@code 90s}, {@code 10m}, {@code 1h}, {@code 1h30m}, {@code 2m30s}, or ISO-8601 ({@code PT10M}).
 */
final class WaitTimeout {

    /** Longest accepted wait: a deploy that takes a day to roll out is not one to block a build on. */
    static final Duration MAX = Duration.ofHours(24);

    private static final Pattern UNITS = Pattern
            .compile("(?:(\\d{1,6})\\s*h)?\\s*(?:(\\d{1,7})\\s*m(?:in)?)?\\s*(?:(\\d{1,9})\\s*s)?");

    private WaitTimeout() {}

    /**
     * @return null for a blank value (the configured or the engine's default applies)
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        if (text.matches("\\d{1,7}")) {
            duration = Duration.ofMinutes(Long.parseLong(text));
        } else if (text.startsWith("p")) {
            try {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        } else {
            Matcher m = UNITS.matcher(text);
            if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
                throw invalid(value);
            }
            duration = Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2)))
                    .plusSeconds(number(m.group(3)));
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(Messages.WaitTimeout_notPositive(value.trim()));
        }
        if (duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(Messages.WaitTimeout_tooLong(value.trim()));
        }
        return duration;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(Messages.WaitTimeout_invalid(value.trim()));
    }
}
