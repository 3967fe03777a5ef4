package io.jenkins.plugins.openchoreo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.deploy.DeployListener;
import io.jenkins.plugins.openchoreo.client.deploy.FilteredListener;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.http.HttpResult;
import io.jenkins.plugins.openchoreo.client.http.HttpSettings;
import io.jenkins.plugins.openchoreo.client.http.ProxySettings;
import io.jenkins.plugins.openchoreo.client.http.Transport;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine owns a bounded pool of transports and the token cache; closing it closes them. */
class OpenChoreoEngineTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private final Sandbox sandbox = SANDBOX.get(); // started once for the class, reset before each test

    private static HttpSettings http(int seconds) {
        return SandboxTestSupport.FAST_HTTP.withTimeouts(Duration.ofSeconds(seconds), Duration.ofSeconds(10),
                Duration.ofSeconds(15));
    }

    private HttpResult version(Transport transport) {
        return transport.send(HttpCall.get(HttpCall.Target.API, URI.create(sandbox.apiUrl() + "/version")),
                CallObserver.NONE);
    }

    private static OpenChoreoEngine engine(int maxTransports) {
        return new OpenChoreoEngine(new TokenCache(Clock.systemUTC()), maxTransports);
    }

    @Test
    void keepsOneTransportPerHttpSettingsAndClosesTheLeastRecentlyUsedBeyondItsBound() {
        try (OpenChoreoEngine engine = engine(2)) {
            Transport first = engine.transport(http(1));
            Transport second = engine.transport(http(2));
            assertThat(engine.transport(http(1))).isSameAs(first); // now second is the least recently used
            Transport third = engine.transport(http(3));
            assertThat(second.isOpen()).isFalse();
            assertThat(first.isOpen()).isTrue();
            assertThat(third.isOpen()).isTrue();
            assertThat(engine.transport(http(2))).isNotSameAs(second);
            assertThat(first.isOpen()).isFalse(); // evicted in turn
        }
    }

    @Test
    void neverClosesATransportWhileACallIsUsingIt() throws Exception {
        // The sandbox holds the first call until a second one arrives: it is under way until then, whatever the load.
        sandbox.faults().add(Fault.on(Route.VERSION).together(2).times(2));
        try (OpenChoreoEngine engine = engine(1)) {
            Transport busy = engine.transport(http(1));
            CompletableFuture<HttpResult> call = CompletableFuture.supplyAsync(() -> version(busy));
            for (int i = 0; i < 500 && sandbox.count(Route.VERSION) == 0; i++) {
                Thread.sleep(10);
            }
            assertThat(sandbox.count(Route.VERSION)).isEqualTo(1);
            Transport other = engine.transport(http(2)); // evicts the busy transport
            assertThat(busy.isOpen()).isTrue();
            assertThat(version(other).status()).isEqualTo(200); // lets the held call go
            assertThat(call.get().status()).isEqualTo(200);
            assertThat(busy.isOpen()).isFalse(); // closed as its last call ended

            // Whoever still holds it gets a fresh pool for each call, closed after it.
            assertThat(version(busy).status()).isEqualTo(200);
            assertThat(busy.isOpen()).isFalse();
        }
    }

    @Test
    void aClosedEngineClosesItsTransportsAndRefusesWorkClearly() {
        OpenChoreoEngine engine = engine(2);
        Transport transport = engine.transport(http(1));
        assertThat(version(transport).status()).isEqualTo(200);
        engine.close();
        assertThat(transport.isOpen()).isFalse();
        assertThatThrownBy(() -> engine.transport(http(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("engine is closed");
        assertThatThrownBy(() -> engine.connect(SandboxTestSupport.settings(sandbox),
                SandboxTestSupport.credentials(sandbox.defaultClient()), CallObserver.NONE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> version(transport)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("engine that made it was closed");
        engine.close(); // twice is harmless
    }

    @Test
    void theTokenCacheIsTheEnginesAndCanBeCleared() {
        try (OpenChoreoEngine engine = new OpenChoreoEngine()) {
            ConnectionSettings settings = SandboxTestSupport.settings(sandbox);
            Credentials credentials = SandboxTestSupport.credentials(sandbox.defaultClient());
            engine.connect(settings, credentials, CallObserver.NONE).tokens().token(CallObserver.NONE);
            engine.connect(settings, credentials, CallObserver.NONE).tokens().token(CallObserver.NONE);
            assertThat(sandbox.count(Route.TOKEN)).isEqualTo(1);
            engine.clearTokens();
            engine.connect(settings, credentials, CallObserver.NONE).tokens().token(CallObserver.NONE);
            assertThat(sandbox.count(Route.TOKEN)).isEqualTo(2);
        }
    }

    @Test
    void theConnectionsMaskerKnowsEverySecretOfItsCredentialsAndSettings() {
        ProxySettings proxy = new ProxySettings("127.0.0.1", 3128, "proxy-user", "proxy-pass-42", List.of());
        ConnectionSettings settings = SandboxTestSupport.settings(sandbox).toBuilder()
                .http(SandboxTestSupport.FAST_HTTP.withProxy(proxy)).build();
        RecordingListener heard = new RecordingListener();
        try (OpenChoreoEngine engine = new OpenChoreoEngine()) {
            OpenChoreoConnection client = engine.connect(settings, Credentials.client("ci", "client-secret-42"),
                    heard);
            client.observer().info("secret client-secret-42 via proxy-pass-42");
            assertThat(heard.all()).contains("secret **** via ****").doesNotContain("42");
            OpenChoreoConnection token = engine.connect(settings, Credentials.token("ready-token-42"),
                    CallObserver.NONE);
            assertThat(token.masker().mask("ready-token-42 proxy-pass-42")).isEqualTo("**** ****");
        }
        SecretMasker frontEnd = OpenChoreoConnection.learnSecrets(new SecretMasker(),
                SandboxTestSupport.settings(sandbox), Credentials.token("ready-token-42"));
        assertThat(frontEnd.mask("token ready-token-42")).isEqualTo("token ****");
    }

    @Test
    void aMaskedListenerMasksEveryTextItHears() {
        RecordingListener heard = new RecordingListener();
        SecretMasker masker = new SecretMasker().add("hush-hush");
        DeployListener masked = FilteredListener.masked(heard, masker);
        HttpCall call = HttpCall.get(HttpCall.Target.API, URI.create("http://localhost/x"));
        masked.step("step hush-hush");
        masked.warning("warning hush-hush");
        masked.info("info hush-hush");
        masked.retrying(call, 1, "reason hush-hush", Duration.ofMillis(1));
        masked.attempted(call, 200, "id", Duration.ofMillis(1));
        assertThat(heard.all()).doesNotContain("hush-hush").contains("step ****", "warning ****", "info ****",
                "reason ****");
        FilteredListener.masked(null, masker).step("nobody hears hush-hush");
    }
}
