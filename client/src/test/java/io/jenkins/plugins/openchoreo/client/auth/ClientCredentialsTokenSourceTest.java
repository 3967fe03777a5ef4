package io.jenkins.plugins.openchoreo.client.auth;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import static io.jenkins.plugins.openchoreo.client.error.EngineErrors.assertFails;
import static io.jenkins.plugins.openchoreo.client.SandboxTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.MutableClock;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.error.ErrorCategory;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.TokenException;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.ExpiresInFormat;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tokens from the sandbox's identity provider, over real loopback HTTP. */
class ClientCredentialsTokenSourceTest {

    private static final String HARD_SECRET = "p+a&s%s:w=o rd-ü€-" + "x".repeat(8);
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private final Sandbox sandbox = SANDBOX.get(); // started once for the class, reset before each test
    private static AtomicInteger clients = new AtomicInteger();

    private final MutableClock clock = new MutableClock();
    private final RecordingListener listener = new RecordingListener();
    private TokenCache cache;
    private OpenChoreoEngine engine;

    @BeforeEach
    void fresh() {
        sandbox.setTokenLifetime(Duration.ofHours(1));
        sandbox.setExpiresInFormat(ExpiresInFormat.NUMBER);
        cache = new TokenCache(clock);
        engine = new OpenChoreoEngine(cache);
    }

    private SandboxClient client(AuthMethod method, String secret) {
        return sandbox.registerClient("ci-" + clients.incrementAndGet(), secret, method, Role.WORKLOAD_PUBLISHER);
    }

    private OpenChoreoConnection connect(SandboxClient client, ClientAuthMethod method) {
        ConnectionSettings s = settings(sandbox).toBuilder().authMethod(method).build();
        return engine.connect(s, Credentials.client(client.clientId(), client.secret()), listener);
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class)
    void eachMethodWorksWithAHardSecret(AuthMethod method) {
        SandboxClient client = client(method, HARD_SECRET);
        ClientAuthMethod ours = method == AuthMethod.BASIC ? ClientAuthMethod.BASIC : ClientAuthMethod.POST;
        AccessToken token = connect(client, ours).tokens().token(listener);
        assertThat(TokenClaims.peek(token.value())).get().extracting(TokenClaims::identity)
                .isEqualTo(client.clientId());
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(1);
        assertThat(listener.all()).doesNotContain(HARD_SECRET).doesNotContain(token.value());
    }

    @Test
    void autoFallsBackOnceAndRemembersWhatWorked() {
        SandboxClient basicOnly = client(AuthMethod.BASIC, "basic-only-secret");
        connect(basicOnly, ClientAuthMethod.AUTO).tokens().token(listener);
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(2); // post refused, then basic
        assertThat(listener.all()).contains("unauthorized_client").contains("client_secret_basic");

        // A new key (another client at the same token URL) starts with the method that worked.
        SandboxClient another = client(AuthMethod.BASIC, "another-secret");
        connect(another, ClientAuthMethod.AUTO).tokens().token(listener);
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(3);
    }

    @Test
    void autoWithOpenChoreosDefaultPostClientNeedsOneCall() {
        connect(client(AuthMethod.POST, "post-secret"), ClientAuthMethod.AUTO).tokens().token(listener);
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(1);
    }

    @Test
    void autoReportsBothMethodsWhenNeitherWorks() {
        SandboxClient client = client(AuthMethod.POST, "right-secret");
        OpenChoreoConnection wrong = engine.connect(settings(sandbox).toBuilder()
                .authMethod(ClientAuthMethod.AUTO).build(), Credentials.client(client.clientId(), "wrong-secret"),
                listener);
        assertThat(assertFails(() -> wrong.tokens().token(listener), TokenException.class,
                ErrorCode.TOKEN_INVALID_CLIENT).getMessage()).doesNotContain("wrong-secret");
    }

    @Test
    void keycloaksWrongSecretIsABadCredentialAndAutoDoesNotTryTheOtherMethod() {
        // Keycloak's answer to a wrong or missing secret, by either method (measured on 26.4.5).
        TokenException e = refusedOnceUnderAuto(401,
                "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}");
        assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID_CLIENT);
        assertThat(e.oauthError()).isEqualTo("unauthorized_client");
        assertThat(e.hint()).isEqualTo(CredentialHints.DEFAULT.clientRefused()).contains("client id")
                .contains("client secret");
        assertThat(listener.all()).doesNotContain("trying client_secret_post");
    }

    /** The front end words a refused client in its own terms (the CLI: its environment variables). */
    @Test
    void aRefusedClientGetsTheHintTheFrontEndChose() {
        SandboxClient client = client(AuthMethod.POST, "right-secret");
        CredentialHints words = new CredentialHints("check OPENCHOREO_CLIENT_ID and OPENCHOREO_CLIENT_SECRET",
                "set a fresh OPENCHOREO_TOKEN");
        OpenChoreoConnection wrong = engine.connect(settings(sandbox).toBuilder().credentialHints(words)
                .build(), Credentials.client(client.clientId(), "wrong-secret"), listener);
        assertThat(assertFails(() -> wrong.tokens().token(listener), TokenException.class,
                ErrorCode.TOKEN_INVALID_CLIENT).hint())
                .isEqualTo("check OPENCHOREO_CLIENT_ID and OPENCHOREO_CLIENT_SECRET");
        // A ready token the API refuses cannot be renewed by the engine: the front end's words for that too.
        OpenChoreoConnection ready = engine.connect(settings(sandbox).toBuilder().credentialHints(words)
                .build(), Credentials.token("not-a-token-the-api-trusts"), listener);
        assertThat(assertFails(() -> ready.workloads().listByComponent("default", "greeter"),
                OpenChoreoException.class, ErrorCode.API_UNAUTHORIZED).hint())
                .isEqualTo("set a fresh OPENCHOREO_TOKEN");
    }

    @Test
    void aClientRegisteredForSignedJwtGetsItsOwnHintAndNoFallback() {
        // Keycloak's answer when the client's authenticator is client-secret-jwt or client-jwt.
        TokenException e = refusedOnceUnderAuto(400,
                "{\"error\":\"invalid_client\",\"error_description\":\"Parameter client_assertion_type is missing\"}");
        assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_UNAUTHORIZED_CLIENT);
        assertThat(e.hint()).contains("signed-JWT").contains("client_secret_basic");
    }

    /** The refusal a token request with method auto gets for this answer, after exactly one request. */
    private TokenException refusedOnceUnderAuto(int status, String body) {
        SandboxClient client = client(AuthMethod.BASIC, "refused-secret");
        sandbox.faults().add(Fault.on(Route.TOKEN).status(status).body("application/json", body));
        TokenException refusal = catchThrowableOfType(TokenException.class,
                () -> connect(client, ClientAuthMethod.AUTO).tokens().token(listener));
        assertThat(refusal).isNotNull();
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(1);
        return refusal;
    }

    @ParameterizedTest
    @EnumSource(ExpiresInFormat.class)
    void expiresInAsNumberStringOrMissingIsCachedUntilShortlyBeforeExpiry(ExpiresInFormat format) {
        sandbox.setExpiresInFormat(format);
        sandbox.setTokenLifetime(Duration.ofSeconds(600));
        OpenChoreoConnection connection = connect(client(AuthMethod.POST, "lifetime-secret"), ClientAuthMethod.POST);
        AccessToken first = connection.tokens().token(listener);
        // Missing expires_in: the JWT's own exp is used, so all three formats give the same lifetime.
        assertThat(first.refreshAt()).isBetween(clock.instant().plusSeconds(530), clock.instant().plusSeconds(541));
        assertThat(connection.tokens().token(listener)).isSameAs(first);
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(545));
        AccessToken second = connection.tokens().token(listener);
        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(2);
    }

    @Test
    void opaqueTokenWithoutExpiresInGetsAShortLifetime() {
        Instant now = Instant.now();
        AccessToken token = TokenResponses.read(new io.jenkins.plugins.openchoreo.client.http.HttpResult(200,
                java.util.Map.of("content-type", List.of("application/json")),
                "{\"access_token\":\"opaque-token-value\",\"token_type\":\"bearer\"}".getBytes(), "id",
                Duration.ZERO), java.net.URI.create("http://idp/token"), now,
                new io.jenkins.plugins.openchoreo.client.mask.SecretMasker());
        // No expires_in and no JWT to read: assume 60 s, refreshed a fifth early, at 48 s.
        assertThat(token.refreshAt()).isEqualTo(now.plusSeconds(48));
        assertThat(token.refreshAt()).isBefore(now.plusSeconds(60));
    }

    @Test
    void thirtyTwoConcurrentCallersCauseOneRequest() throws Exception {
        sandbox.faults().add(Fault.on(Route.TOKEN).delay(Duration.ofMillis(300)));
        OpenChoreoConnection connection = connect(client(AuthMethod.POST, "busy-secret"), ClientAuthMethod.POST);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<AccessToken>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return connection.tokens().token(listener);
                }));
            }
            go.countDown();
            AccessToken first = futures.get(0).get();
            for (Future<AccessToken> future : futures) {
                assertThat(future.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(1);
    }

    @Test
    void concurrentCallersShareAFailureInsteadOfHammeringTheProvider() throws Exception {
        sandbox.faults().add(Fault.on(Route.TOKEN).delay(Duration.ofMillis(300)).status(401));
        OpenChoreoConnection connection = connect(client(AuthMethod.POST, "shared-failure"), ClientAuthMethod.POST);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        return connection.tokens().token(listener);
                    } catch (TokenException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            for (Future<Object> future : futures) {
                assertThat(future.get()).isInstanceOf(TokenException.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.count(Route.TOKEN)).isLessThanOrEqualTo(2);
    }

    @Test
    void cachedTokenMeansNoProviderCallsAcrossConnections() {
        SandboxClient client = client(AuthMethod.POST, "cached-secret");
        connect(client, ClientAuthMethod.POST).tokens().token(listener);
        sandbox.clearRequests();
        for (int i = 0; i < 5; i++) {
            connect(client, ClientAuthMethod.POST).workloads().listByComponent("default", "greeter");
        }
        assertThat(sandbox.count(Route.TOKEN)).isZero();
        assertThat(sandbox.count(Route.WORKLOAD_LIST)).isEqualTo(5);
    }

    @Test
    void differentSecretOrParametersMeanDifferentTokens() {
        SandboxClient client = client(AuthMethod.POST, "key-secret");
        connect(client, ClientAuthMethod.POST).tokens().token(listener);
        ConnectionSettings withAudience = settings(sandbox).toBuilder()
                .tokenParameters(new TokenParameters(null, "openchoreo-api", null)).build();
        engine.connect(withAudience, Credentials.client(client.clientId(), client.secret()), listener)
                .tokens().token(listener);
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(2);
        assertThat(sandbox.requests().get(1).body()).contains("audience=openchoreo-api");
    }

    @Test
    void apiRefusalInvalidatesTheTokenAndOneFreshTokenIsTried() {
        // The sandbox's tokens live one second, but this engine's clock stands still, so the cached token
        // looks valid to the engine while the API refuses it: exactly a token that expired between calls.
        sandbox.setTokenLifetime(Duration.ofSeconds(1));
        OpenChoreoConnection connection = connect(client(AuthMethod.POST, "refresh-secret"), ClientAuthMethod.POST);
        connection.tokens().token(listener);
        sleep(Duration.ofMillis(1100));
        sandbox.setTokenLifetime(Duration.ofHours(1));
        connection.workloads().listByComponent("default", "greeter");
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(2);
        assertThat(sandbox.count(Route.WORKLOAD_LIST)).isEqualTo(2);
        assertThat(listener.all()).contains("401").contains("fresh token");
    }

    @Test
    void discoveryFindsTheTokenEndpointFromTheApiAndIsCached() {
        SandboxClient client = client(AuthMethod.POST, "discovery-secret");
        ConnectionSettings discovering = ConnectionSettings.builder(sandbox.apiUrl().toString())
                .authMethod(ClientAuthMethod.POST).http(settings(sandbox).http()).retry(settings(sandbox).retry())
                .build();
        Credentials credentials = Credentials.client(client.clientId(), client.secret());
        engine.connect(discovering, credentials, listener).workloads()
                .listByComponent("default", "greeter");
        assertThat(sandbox.count(Route.PROTECTED_RESOURCE)).isEqualTo(1);
        assertThat(sandbox.count(Route.OIDC_DISCOVERY)).isEqualTo(1);
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(1);
        assertThat(listener.all()).contains("Discovered the token endpoint " + sandbox.tokenUrl());

        engine.connect(discovering, credentials, listener).workloads()
                .listByComponent("default", "greeter");
        assertThat(sandbox.count(Route.PROTECTED_RESOURCE)).isEqualTo(1);
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(1);
    }

    @Test
    void discoveryFallsBackToOauthMetadataAndFailsClearly() {
        sandbox.faults().add(Fault.on(Route.OIDC_DISCOVERY).status(404));
        TokenEndpointDiscovery discovery = new TokenEndpointDiscovery(
                engine.transport(settings(sandbox).http()),
                new io.jenkins.plugins.openchoreo.client.retry.Retrier(settings(sandbox).retry()), cache);
        assertThat(discovery.tokenEndpoint(sandbox.apiUrl(), listener)).isEqualTo(sandbox.tokenUrl());
        assertThat(sandbox.count(Route.OAUTH_AS_DISCOVERY)).isEqualTo(1);

        TokenCache empty = new TokenCache(clock);
        sandbox.faults().add(Fault.on(Route.PROTECTED_RESOURCE).status(404));
        TokenEndpointDiscovery failing = new TokenEndpointDiscovery(
                engine.transport(settings(sandbox).http()),
                new io.jenkins.plugins.openchoreo.client.retry.Retrier(settings(sandbox).retry()), empty);
        assertThat(assertFails(() -> failing.tokenEndpoint(sandbox.apiUrl(), listener), OpenChoreoException.class,
                ErrorCode.DISCOVERY_FAILED).hint()).contains("set the token URL");
        assertThat(TokenEndpointDiscovery.metadataUrls("https://idp.example/realms/ci")).extracting(Object::toString)
                .containsExactly("https://idp.example/realms/ci/.well-known/openid-configuration",
                        "https://idp.example/.well-known/oauth-authorization-server/realms/ci",
                        "https://idp.example/realms/ci/.well-known/oauth-authorization-server");
    }

    @Test
    void wrongSecretWrongMethodAndOtherRefusalsAreTypedWithHints() {
        SandboxClient client = client(AuthMethod.POST, "typed-secret");
        TokenException e = assertFails(() -> engine.connect(settings(sandbox), Credentials.client(client.clientId(),
                "not-the-secret"), listener).tokens().token(listener), TokenException.class,
                ErrorCode.TOKEN_INVALID_CLIENT);
        assertThat(e.oauthError()).isEqualTo("invalid_client");
        assertThat(e.hint()).contains("client id").contains("secret");
        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.requestId()).isNotBlank();
        assertThat(e.describe()).doesNotContain("not-the-secret");
        assertThat(assertFails(() -> connect(client, ClientAuthMethod.BASIC).tokens().token(listener),
                TokenException.class, ErrorCode.TOKEN_UNAUTHORIZED_CLIENT).hint()).contains("client_secret_post")
                .contains("auto");
        expectTokenError("{\"error\":\"invalid_scope\"}", 400, ErrorCode.TOKEN_INVALID_SCOPE, client);
        expectTokenError("{\"error\":\"unsupported_grant_type\"}", 400, ErrorCode.TOKEN_UNSUPPORTED_GRANT, client);
        expectTokenError("{\"error\":\"invalid_request\",\"error_description\":\"bad\"}", 400,
                ErrorCode.TOKEN_INVALID_REQUEST, client);
        expectTokenError("{\"access_token\":\"x\",\"token_type\":\"mac\"}", 200, ErrorCode.TOKEN_BAD_RESPONSE, client);
        expectTokenError("{\"nothing\":true}", 200, ErrorCode.TOKEN_BAD_RESPONSE, client);
    }

    @Test
    void anHtmlPageMeansTheWrongUrl() {
        SandboxClient client = client(AuthMethod.POST, "html-secret");
        sandbox.faults().add(Fault.on(Route.TOKEN).status(200).body("text/html", "<html><body>Login</body></html>"));
        TokenException e = assertFails(() -> connect(client, ClientAuthMethod.POST).tokens().token(listener),
                TokenException.class, ErrorCode.TOKEN_BAD_RESPONSE);
        assertThat(e.getMessage()).contains("an HTML page");
        assertThat(e.hint()).contains("token endpoint");
    }

    @Test
    void aFailingProviderIsRetriedThenReportedAsAServerError() {
        SandboxClient client = client(AuthMethod.POST, "retry-secret");
        sandbox.faults().add(Fault.on(Route.TOKEN).status(503).times(2));
        assertThat(connect(client, ClientAuthMethod.POST).tokens().token(listener)).isNotNull();
        assertThat(sandbox.count(Route.TOKEN)).isEqualTo(3);
        assertThat(listener.retries).hasSize(2);

        sandbox.faults().add(Fault.on(Route.TOKEN).status(500).body("application/json",
                "{\"error\":\"server_error\"}").times(20));
        assertThat(freshTokenFails(client, ErrorCode.TOKEN_SERVER_ERROR).category()).isEqualTo(ErrorCategory.SERVER);
    }

    private void expectTokenError(String body, int status, ErrorCode code, SandboxClient client) {
        sandbox.faults().add(Fault.on(Route.TOKEN).status(status).body("application/json", body));
        freshTokenFails(client, code);
    }

    /** A token for the client from an engine with no token cached fails with this code. */
    private TokenException freshTokenFails(SandboxClient client, ErrorCode code) {
        TokenCache empty = new TokenCache(clock);
        return assertFails(() -> new OpenChoreoEngine(empty).connect(settings(sandbox),
                Credentials.client(client.clientId(), client.secret()), listener).tokens().token(listener),
                TokenException.class, code);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
