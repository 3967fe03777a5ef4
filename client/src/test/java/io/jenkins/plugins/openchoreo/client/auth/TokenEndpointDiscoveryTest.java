package io.jenkins.plugins.openchoreo.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.MutableClock;
import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.error.TransportException;
import io.jenkins.plugins.openchoreo.client.retry.Retrier;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding the token endpoint from the API URL alone, against the sandbox, when the metadata is wrong. */
class TokenEndpointDiscoveryTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private final Sandbox sandbox = SANDBOX.get();
    private final RecordingListener listener = new RecordingListener();

    private URI discover(String apiUrl) {
        TokenEndpointDiscovery discovery = new TokenEndpointDiscovery(
                SandboxTestSupport.transport(SandboxTestSupport.FAST_HTTP),
                new Retrier(SandboxTestSupport.FAST_RETRY), new TokenCache(new MutableClock()));
        return discovery.tokenEndpoint(URI.create(apiUrl), listener);
    }

    private void expectFailure(String why) {
        assertThatThrownBy(() -> discover(sandbox.apiUrl().toString()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DISCOVERY_FAILED);
                    assertThat(e.getMessage()).startsWith("Could not discover the token endpoint from "
                            + sandbox.apiUrl() + ": ").contains(why);
                });
    }

    private void resourceMetadata(String json) {
        sandbox.faults().add(Fault.on(Route.PROTECTED_RESOURCE).body("application/json", json));
    }

    @Test
    void aTrailingSlashOnTheApiUrlIsIgnored() {
        assertThat(discover(sandbox.apiUrl() + "/")).isEqualTo(sandbox.tokenUrl());
        assertThat(sandbox.requests()).filteredOn(r -> r.route() == Route.PROTECTED_RESOURCE).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/.well-known/oauth-protected-resource"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"authorization_servers\":\"https://idp\"}", "{\"authorization_servers\":[]}",
        "{\"authorization_servers\":[42]}", "[\"not an object\"]"})
    void resourceMetadataWithoutAnAuthorizationServerFailsClearly(String json) {
        resourceMetadata(json);
        expectFailure("/.well-known/oauth-protected-resource names no authorization server");
    }

    @Test
    void issuerMetadataWithoutATokenEndpointNamesEveryUrlTried() {
        sandbox.faults().add(Fault.on(Route.OIDC_DISCOVERY).body("application/json", "{\"issuer\":\"x\"}"));
        sandbox.faults().add(Fault.on(Route.OAUTH_AS_DISCOVERY).body("application/json", "{\"token_endpoint\":7}")
                .times(2));
        String issuer = sandbox.issuer().toString();
        String root = sandbox.apiUrl().toString();
        expectFailure("no token_endpoint in " + issuer + "/.well-known/openid-configuration or " + root
                + "/.well-known/oauth-authorization-server/idp or " + issuer
                + "/.well-known/oauth-authorization-server");
    }

    @Test
    void anIssuerAtTheServerRootHasNoPathInsertedForm() {
        resourceMetadata("{\"authorization_servers\":[\"" + sandbox.apiUrl() + "/\"]}");
        expectFailure("no token_endpoint in " + sandbox.apiUrl() + "/.well-known/openid-configuration or "
                + sandbox.apiUrl() + "/.well-known/oauth-authorization-server");
    }

    @Test
    void aNetworkFailureIsReportedAsItselfNotAsAFailedDiscovery() {
        sandbox.faults().add(Fault.on(Route.OIDC_DISCOVERY).reset().times(SandboxTestSupport.FAST_RETRY.maxAttempts()));
        assertThatThrownBy(() -> discover(sandbox.apiUrl().toString()))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_CONNECT));
        assertThat(sandbox.count(Route.OIDC_DISCOVERY)).isEqualTo(SandboxTestSupport.FAST_RETRY.maxAttempts());
        assertThat(sandbox.count(Route.OAUTH_AS_DISCOVERY)).isZero();
    }

    private void tokenEndpoint(String url) {
        sandbox.faults().add(Fault.on(Route.OIDC_DISCOVERY).body("application/json",
                "{\"token_endpoint\":\"" + url + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth2/token?audience=x", "/oauth2/token#frag"})
    void aTokenEndpointWithAQueryOrFragmentIsRefused(String suffix) {
        tokenEndpoint(sandbox.issuer() + suffix);
        expectFailure("must not have a query or fragment");
    }

    @Test
    void aTokenEndpointWithUserInfoIsRefusedAndNotRepeated() {
        tokenEndpoint(sandbox.apiUrl().toString().replace("://", "://ci:pa/ss-w0rd@") + "/idp/oauth2/token");
        assertThatThrownBy(() -> discover(sandbox.apiUrl().toString()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DISCOVERY_FAILED);
                    assertThat(e.getMessage()).contains("user name or password").doesNotContain("pa/ss-w0rd");
                });
    }

    @Test
    void aTokenEndpointThatIsNotAUrlIsRefusedOnOneLine() {
        tokenEndpoint("http://x\\r\\nCreated Workload default/evil");
        assertThatThrownBy(() -> discover(sandbox.apiUrl().toString()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DISCOVERY_FAILED);
                    assertThat(e.getMessage()).doesNotContain("\n", "\r");
                });
    }

    @Test
    void anHttpsApiMayNotHandTheSecretToAPlainHttpTokenEndpoint() {
        try (Sandbox tls = Sandbox.builder().tls(true).start()) {
            String downgraded = tls.tokenUrl().toString().replace("https://", "http://");
            tls.faults().add(Fault.on(Route.OIDC_DISCOVERY).body("application/json",
                    "{\"token_endpoint\":\"" + downgraded + "\"}"));
            TokenEndpointDiscovery discovery = new TokenEndpointDiscovery(
                    SandboxTestSupport.transport(SandboxTestSupport.FAST_HTTP.withCaBundlePem(tls.caBundlePem())),
                    new Retrier(SandboxTestSupport.FAST_RETRY), new TokenCache(new MutableClock()));
            assertThatThrownBy(() -> discovery.tokenEndpoint(tls.apiUrl(), listener))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.DISCOVERY_FAILED);
                        assertThat(e.getMessage()).contains("plain http", downgraded);
                    });
            assertThat(discovery.tokenEndpoint(tls.apiUrl(), listener)).isEqualTo(tls.tokenUrl());
        }
    }

    @Test
    void anHttpsApiMayNotNameAPlainHttpAuthorizationServer() {
        try (Sandbox tls = Sandbox.builder().tls(true).start()) {
            tls.faults().add(Fault.on(Route.PROTECTED_RESOURCE).body("application/json",
                    "{\"authorization_servers\":[\"" + tls.issuer().toString().replace("https://", "http://")
                            + "\"]}"));
            TokenEndpointDiscovery discovery = new TokenEndpointDiscovery(
                    SandboxTestSupport.transport(SandboxTestSupport.FAST_HTTP.withCaBundlePem(tls.caBundlePem())),
                    new Retrier(SandboxTestSupport.FAST_RETRY), new TokenCache(new MutableClock()));
            assertThatThrownBy(() -> discovery.tokenEndpoint(tls.apiUrl(), listener))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.getMessage()).contains("plain http"));
        }
    }
}
