package io.jenkins.plugins.openchoreo.client.retry;

import static io.jenkins.plugins.openchoreo.client.error.EngineErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.TransportException;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.http.HttpResult;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which answers are tried again, how often and after how long, over real loopback HTTP. */
class RetrierTest {

    private static Sandbox sandbox;
    private static Transport transport;
    private final RecordingListener listener = new RecordingListener();
    private final Retrier retrier = new Retrier(RetrySettings.defaults()
            .withDelays(Duration.ofMillis(10), Duration.ofMillis(50)).withDeadline(Duration.ofSeconds(10)));

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        transport = new Transport(HttpSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400),
                Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        transport.close();
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    private HttpResult version(Retrier policy) {
        HttpCall call = HttpCall.get(HttpCall.Target.API, URI.create(sandbox.apiUrl() + "/version"));
        return policy.execute(call, transport, listener, result -> result);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void retryableStatusesAreTriedAgain(int status) {
        sandbox.faults().add(Fault.on(Route.VERSION).status(status).times(2));
        assertThat(version(retrier).status()).isEqualTo(200);
        assertThat(sandbox.count(Route.VERSION)).isEqualTo(3);
        assertThat(listener.retries).hasSize(2).allSatisfy(line -> assertThat(line).contains("HTTP " + status));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void otherStatusesAreTheCallersAtOnce(int status) {
        sandbox.faults().add(Fault.on(Route.VERSION).status(status));
        assertThat(version(retrier).status()).isEqualTo(status);
        assertThat(sandbox.count(Route.VERSION)).isEqualTo(1);
        assertThat(listener.retries).isEmpty();
    }

    @Test
    void connectionResetsAndTimeoutsAreTriedAgain() {
        sandbox.faults().add(Fault.on(Route.VERSION).reset());
        sandbox.faults().add(Fault.on(Route.VERSION).delay(Duration.ofSeconds(1)));
        assertThat(version(retrier).status()).isEqualTo(200);
        assertThat(sandbox.count(Route.VERSION)).isEqualTo(3);
        assertThat(listener.retries).hasSize(2);
    }

    @Test
    void retryAfterSecondsIsHonoured() {
        sandbox.faults().add(Fault.on(Route.VERSION).status(503).retryAfter("1"));
        long start = System.nanoTime();
        assertThat(version(retrier).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(listener.retries).singleElement().asString().contains("Retry-After 1").contains("after 1000 ms");
    }

    @Test
    void retryAfterAsADateIsHonouredAndCapped() {
        String inOneHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        sandbox.faults().add(Fault.on(Route.VERSION).status(429).retryAfter(inOneHour));
        Retrier capped = new Retrier(retrier.settings().withMaxRetryAfter(Duration.ofMillis(200)));
        assertThat(version(capped).status()).isEqualTo(200);
        assertThat(listener.retries).singleElement().asString().contains("after 200 ms");
    }

    @Test
    void attemptsAreBounded() {
        sandbox.faults().add(Fault.on(Route.VERSION).status(503).times(50));
        Retrier three = new Retrier(retrier.settings().withMaxAttempts(3));
        assertThat(version(three).status()).isEqualTo(503);
        assertThat(sandbox.count(Route.VERSION)).isEqualTo(3);
    }

    @Test
    void theDeadlineBoundsAllAttemptsTogether() {
        // Retry-After 1 s with a 1.5 s deadline: the first attempt, one more a second later, and then
        // no time left for a third: the deadline is reported as such, not as the last 503.
        sandbox.faults().add(Fault.on(Route.VERSION).status(503).retryAfter("1").times(50));
        Retrier short_ = new Retrier(retrier.settings().withMaxAttempts(20).withDeadline(Duration.ofMillis(1500)));
        assertThat(assertFails(() -> version(short_), TransportException.class, ErrorCode.DEADLINE_EXCEEDED))
                .hasMessageContaining("1500 ms deadline");
        assertThat(sandbox.count(Route.VERSION)).isEqualTo(2);
    }

    @Test
    void unreadableAnswersAreRetriedForReadsOnly() {
        HttpCall get = HttpCall.get(HttpCall.Target.API, URI.create(sandbox.apiUrl() + "/version"));
        int[] reads = {0};
        HttpResult result = retrier.execute(get, transport, listener, r -> {
            if (reads[0]++ == 0) {
                throw new TransportException(ErrorCode.BAD_RESPONSE, "garbled", null, null, 0, null);
            }
            return r;
        });
        assertThat(result.status()).isEqualTo(200);
        assertThat(sandbox.count(Route.VERSION)).isEqualTo(2);

        HttpCall post = new HttpCall(HttpCall.Target.API, "POST", URI.create(sandbox.apiUrl() + "/version"),
                null, new byte[0], "application/json");
        assertFails(() -> retrier.execute(post, transport, listener, r -> {
            throw new TransportException(ErrorCode.BAD_RESPONSE, "garbled", null, null, 0, null);
        }), OpenChoreoException.class, ErrorCode.BAD_RESPONSE);
        assertThat(sandbox.count(Route.VERSION)).isEqualTo(3);
    }

    @Test
    void aStatusCanBeLeftToTheCaller() {
        sandbox.faults().add(Fault.on(Route.VERSION).status(500));
        assertThat(version(retrier.withoutRetryOn(500)).status()).isEqualTo(500);
        assertThat(sandbox.count(Route.VERSION)).isEqualTo(1);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> RetrySettings.defaults().withMaxAttempts(0)).hasMessageContaining("1-20");
        assertThatThrownBy(() -> RetrySettings.defaults().withDelays(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maximum");
        assertThatThrownBy(() -> RetrySettings.defaults().withDeadline(Duration.ZERO)).hasMessageContaining("deadline");
        assertThatThrownBy(() -> new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(2), 1.5,
                Duration.ofSeconds(1), Duration.ofSeconds(1))).hasMessageContaining("jitter");
        assertThat(RetrySettings.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void eachBoundOfTheSettingsIsEnforced() {
        RetrySettings defaults = RetrySettings.defaults();
        assertThat(defaults.withMaxAttempts(20).maxAttempts()).isEqualTo(20);
        assertThatThrownBy(() -> defaults.withMaxAttempts(21)).hasMessageContaining("not 21");
        assertThatThrownBy(() -> defaults.withDelays(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> defaults.withDelays(Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("positive");
        assertThat(defaults.withDelays(Duration.ofMillis(5), Duration.ofMillis(5)).maxDelay())
                .isEqualTo(Duration.ofMillis(5));
        assertThatThrownBy(() -> defaults.withJitter(-0.1)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> defaults.withJitter(1.0)).hasMessageContaining("jitter");
        assertThat(defaults.withJitter(0).jitter()).isZero();
        assertThatThrownBy(() -> defaults.withDeadline(Duration.ofSeconds(-1))).hasMessageContaining("deadline");
        assertThatThrownBy(() -> defaults.withMaxRetryAfter(null)).isInstanceOf(NullPointerException.class);
    }
}
