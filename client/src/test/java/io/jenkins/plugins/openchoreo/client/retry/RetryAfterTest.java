package io.jenkins.plugins.openchoreo.client.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration CAP = Duration.ofSeconds(30);

    @Test
    void secondsAndDatesAreRead() {
        assertThat(RetryAfter.parse("3", CAP, NOW)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(" 0 ", CAP, NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:00:07 GMT", CAP, NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void longPausesAreCappedAndPastDatesMeanNow() {
        assertThat(RetryAfter.parse("3600", CAP, NOW)).contains(CAP);
        assertThat(RetryAfter.parse("99999999999999999999999", CAP, NOW)).contains(CAP);
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 11:00:00 GMT", CAP, NOW)).contains(CAP);
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 09:00:00 GMT", CAP, NOW)).contains(Duration.ZERO);
    }

    @Test
    void missingOrUnreadableMeansOrdinaryBackoff() {
        assertThat(RetryAfter.parse(null, CAP, NOW)).isEmpty();
        assertThat(RetryAfter.parse(" ", CAP, NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", CAP, NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", CAP, NOW)).isEmpty();
    }
}
