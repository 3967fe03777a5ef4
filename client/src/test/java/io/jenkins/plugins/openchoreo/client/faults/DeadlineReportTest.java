package io.jenkins.plugins.openchoreo.client.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.TransportException;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import io.jenkins.plugins.openchoreo.client.retry.Retrier;
import io.jenkins.plugins.openchoreo.client.retry.RetrySettings;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

/**
 * An attempt cut short because the deadline had only so much left is the deadline running out,
 * and says so. It used to come out as a plain timeout now and then: when the watchdog (whole
 * milliseconds) fired a fraction of a millisecond before the deadline's own clock ran out.
 */
class DeadlineReportTest {

    @RepeatedTest(2)
    void aTimeoutAtTheDeadlineIsReportedAsTheDeadline() {
        try (Sandbox sandbox = Sandbox.start();
                Transport transport = new Transport(HttpSettings.defaults()
                        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5)))) {
            sandbox.faults().add(Fault.on(Route.VERSION).delay(Duration.ofSeconds(2)).times(9));
            Retrier retrier = new Retrier(RetrySettings.defaults().withDeadline(Duration.ofMillis(250)));
            HttpCall call = HttpCall.get(HttpCall.Target.API, URI.create(sandbox.apiUrl() + "/version"));
            long start = System.nanoTime();
            TransportException e = catchThrowableOfType(TransportException.class,
                    () -> retrier.execute(call, transport, new RecordingListener(), r -> r));
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
            assertThat(e.getMessage()).contains("250 ms deadline");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500)); // well before the 2 s answer
        }
    }
}
