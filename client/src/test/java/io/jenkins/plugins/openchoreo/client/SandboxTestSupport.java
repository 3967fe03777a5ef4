package io.jenkins.plugins.openchoreo.client;

import io.jenkins.plugins.openchoreo.client.auth.ClientAuthMethod;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import io.jenkins.plugins.openchoreo.client.retry.RetrySettings;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import java.time.Duration;

/** Settings for talking to a sandbox fast: short timeouts and pauses, so fault tests take milliseconds. */
public final class SandboxTestSupport {

    public static final RetrySettings FAST_RETRY = RetrySettings.defaults()
            .withDelays(Duration.ofMillis(20), Duration.ofMillis(100)).withDeadline(Duration.ofSeconds(20));
    public static final HttpSettings FAST_HTTP = HttpSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));

    // For the tests that want a transport without a connection; transports live as long as the test JVM.
    private static final OpenChoreoEngine TRANSPORTS = new OpenChoreoEngine();

    private SandboxTestSupport() {}

    /** The pooled transport for these settings, of an engine the tests share. */
    public static Transport transport(HttpSettings http) {
        return TRANSPORTS.transport(http);
    }

    public static ConnectionSettings settings(Sandbox sandbox) {
        return ConnectionSettings.builder(sandbox.apiUrl().toString())
                .tokenUrl(sandbox.tokenUrl().toString())
                .authMethod(ClientAuthMethod.POST)
                .http(FAST_HTTP)
                .retry(FAST_RETRY)
                .build();
    }

    public static Credentials credentials(SandboxClient client) {
        return Credentials.client(client.clientId(), client.secret());
    }

    public static OpenChoreoConnection connect(Sandbox sandbox, TokenCache cache, CallObserver observer) {
        return new OpenChoreoEngine(cache).connect(settings(sandbox), credentials(sandbox.defaultClient()), observer);
    }
}
