package io.jenkins.plugins.openchoreo.client.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final RetrySettings settings = RetrySettings.defaults()
            .withDelays(Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void doublesPerAttemptUpToTheMaximum() {
        RetrySettings exact = settings.withJitter(0);
        assertThat(Backoff.delay(exact, 1, 0.3)).isEqualTo(Duration.ofMillis(100));
        assertThat(Backoff.delay(exact, 2, 0.3)).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoff.delay(exact, 4, 0.3)).isEqualTo(Duration.ofMillis(800));
        assertThat(Backoff.delay(exact, 5, 0.3)).isEqualTo(Duration.ofMillis(1000));
        assertThat(Backoff.delay(exact, 500, 0.3)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void jitterSpreadsDelaysAroundTheBase() {
        RetrySettings jittered = settings.withJitter(0.5);
        assertThat(Backoff.delay(jittered, 2, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(Backoff.delay(jittered, 2, 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoff.delay(jittered, 2, 0.999999)).isBetween(Duration.ofMillis(299), Duration.ofMillis(300));
    }
}
