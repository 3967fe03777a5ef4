package io.jenkins.plugins.openchoreo.client.http;

import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.error.TransportException;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.LoopbackProxy;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One HTTP call at a time, against the sandbox over loopback: no retries at this level. */
class TransportTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private final Sandbox sandbox = SANDBOX.get(); // started once for the class, reset before each test
    private final RecordingListener listener = new RecordingListener();

    private static HttpSettings fast() {
        return HttpSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(2));
    }

    private static HttpCall version(Sandbox target) {
        return HttpCall.get(HttpCall.Target.API, URI.create(target.apiUrl() + "/version"));
    }

    @Test
    void everyCallCarriesItsOwnRequestIdAndAUserAgent() {
        try (Transport transport = new Transport(fast().withUserAgentProduct("openchoreo-test/1"))) {
            HttpResult first = transport.send(version(sandbox), listener);
            HttpResult second = transport.send(version(sandbox), listener);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.requestId()).isNotEqualTo(second.requestId());
            assertThat(sandbox.requests()).extracting(r -> r.header("X-Request-ID"))
                    .containsExactly(first.requestId(), second.requestId());
            assertThat(sandbox.requests().get(0).header("User-Agent"))
                    .startsWith("openchoreo-test/1 openchoreo-client/");
            assertThat(listener.lines).hasSize(2);
        }
    }

    @Test
    void aSilentServerTimesOutClearly() {
        sandbox.faults().add(Fault.on(Route.VERSION).delay(Duration.ofSeconds(2)));
        try (Transport transport = new Transport(fast())) {
            assertThatThrownBy(() -> transport.send(version(sandbox), listener))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_TIMEOUT);
                        assertThat(e.requestId()).isNotBlank();
                        assertThat(e.hint()).contains("timeouts");
                    });
        }
    }

    @Test
    void aSlowBodyCannotOutlastTheCallTimeout() {
        // Each piece arrives well within the 1 s read timeout; only the 700 ms call timeout can stop it.
        sandbox.faults().add(Fault.on(Route.VERSION).slowBody(Duration.ofSeconds(3)));
        HttpSettings settings = HttpSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMillis(700));
        long start = System.nanoTime();
        try (Transport transport = new Transport(settings)) {
            assertThatThrownBy(() -> transport.send(version(sandbox), listener))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_TIMEOUT));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aRefusedConnectionNamesTheUrlAndWhatToCheck() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpCall call = HttpCall.get(HttpCall.Target.API, URI.create("http://127.0.0.1:" + port + "/version"));
        try (Transport transport = new Transport(fast())) {
            assertThatThrownBy(() -> transport.send(call, listener))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_CONNECT);
                        assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("refused");
                        assertThat(e.hint()).contains("URL").contains("proxy");
                    });
        }
    }

    @Test
    void aResetConnectionIsATransportFailure() {
        sandbox.faults().add(Fault.on(Route.VERSION).reset());
        try (Transport transport = new Transport(fast())) {
            assertThatThrownBy(() -> transport.send(version(sandbox), listener))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_CONNECT));
        }
    }

    @Test
    void oversizedBodiesAreRefused() {
        sandbox.faults().add(Fault.on(Route.VERSION).status(200).body("application/json",
                "{\"pad\":\"" + "x".repeat(5000) + "\"}"));
        try (Transport transport = new Transport(fast().withMaxResponseBytes(1024))) {
            assertThatThrownBy(() -> transport.send(version(sandbox), listener))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESPONSE_TOO_LARGE));
        }
    }

    @Test
    void aSelfSignedServerFailsWithoutTheCaBundleAndWorksWithIt() {
        try (Sandbox tls = Sandbox.builder().tls(true).start()) {
            assertThat(tls.apiUrl().getScheme()).isEqualTo("https");
            try (Transport untrusting = new Transport(fast())) {
                assertThatThrownBy(() -> untrusting.send(version(tls), listener))
                        .isInstanceOfSatisfying(TransportException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_TLS);
                            assertThat(e.hint()).contains("CA bundle").contains("never turned off");
                        });
            }
            // A blank bundle is "none": the system trust store only, which does not know the sandbox.
            try (Transport blank = new Transport(fast().withCaBundlePem("  \n"))) {
                assertThatThrownBy(() -> blank.send(version(tls), listener)).isInstanceOfSatisfying(
                        TransportException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_TLS));
            }
            try (Transport trusting = new Transport(fast().withCaBundlePem(tls.caBundlePem()))) {
                assertThat(trusting.send(version(tls), listener).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void aCaBundleThatIsNotPemIsAConfigurationError() {
        assertThatThrownBy(() -> new Transport(fast().withCaBundlePem("not a certificate")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
    }

    @Test
    void callsGoThroughTheProxyWithCredentialsExceptForNoProxyHosts() {
        try (LoopbackProxy proxy = LoopbackProxy.start("jenkins", "pr0xy-pass")) {
            ProxySettings viaProxy = new ProxySettings("127.0.0.1", proxy.port(), "jenkins", "pr0xy-pass", List.of());
            try (Transport transport = new Transport(fast().withProxy(viaProxy))) {
                assertThat(transport.send(version(sandbox), listener).status()).isEqualTo(200);
            }
            assertThat(proxy.requestedUrls()).containsExactly(sandbox.apiUrl() + "/version");

            ProxySettings bypass = new ProxySettings("127.0.0.1", proxy.port(), null, null, List.of("127.0.0.1"));
            try (Transport transport = new Transport(fast().withProxy(bypass))) {
                assertThat(transport.send(version(sandbox), listener).status()).isEqualTo(200);
            }
            assertThat(proxy.requestedUrls()).hasSize(1);
        }
    }

    @Test
    void aProxyThatWantsCredentialsSays407WithoutThem() {
        try (LoopbackProxy proxy = LoopbackProxy.start("jenkins", "pr0xy-pass");
                Transport transport = new Transport(fast().withProxy(ProxySettings.of("127.0.0.1", proxy.port())))) {
            assertThat(transport.send(version(sandbox), listener).status()).isEqualTo(407);
        }
    }
}
