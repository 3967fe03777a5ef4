package io.jenkins.plugins.openchoreo.it.keycloak;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.auth.ClientAuthMethod;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.auth.TokenClaims;
import io.jenkins.plugins.openchoreo.client.deploy.DeployOutcome;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.descriptor.LocalWorkspaceFiles;
import io.jenkins.plugins.openchoreo.client.deploy.DeployListener;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox API checking Keycloak's real access tokens through Keycloak's JWKS, as OpenChoreo
 * configured with Keycloak does; and a whole deploy by the engine authenticated by Keycloak.
 */
@ExtendWith(KeycloakExtension.class)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Keycloak is started with bin/kc.sh")
class KeycloakApiIT {

    private static final String WORKLOADS = "/api/v1/namespaces/default/workloads?component=greeter";

    private final Keycloak keycloak;
    private final HttpClient http = HttpClient.newHttpClient();

    KeycloakApiIT(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    private Sandbox.Builder trustingKeycloak() {
        return Sandbox.builder().trustIssuer(keycloak.issuer(), keycloak.server().jwksUrl());
    }

    /** A Keycloak access token fetched by the engine (client_secret_post). */
    private String token(String clientId) {
        ConnectionSettings settings = ConnectionSettings.builder(keycloak.server().baseUrl().toString())
                .tokenUrl(keycloak.server().tokenUrl().toString()).authMethod(ClientAuthMethod.POST).build();
        return new OpenChoreoEngine().connect(settings, Credentials.client(clientId, keycloak.secret(clientId)),
                keycloak.observer()).tokens().token(keycloak.observer()).value();
    }

    private HttpResponse<String> get(Sandbox api, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.apiUrl() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void keycloakTokensAreAcceptedAndTheClientGetsTheRoleTheApiGivesIt() throws Exception {
        try (Sandbox api = trustingKeycloak().start()) {
            api.addComponent("default", "shop", "greeter");
            String token = token("ci-post");
            assertThat(get(api, WORKLOADS, token).statusCode()).isEqualTo(200);
            // Keycloak's sub is the service account's user id, and OpenChoreo's role bindings match sub:
            // a binding that names the client id gives this token nothing.
            String subject = TokenClaims.peek(token).orElseThrow().subject();
            assertThat(subject).isNotEqualTo("ci-post");
            String component = "/api/v1/namespaces/default/components/greeter";
            assertThat(get(api, component, token).statusCode()).isEqualTo(403);
            api.assignRole("ci-post", Role.ADMIN);
            assertThat(get(api, component, token).statusCode()).isEqualTo(403);
            api.assignRole(subject, Role.ADMIN);
            assertThat(get(api, component, token).statusCode()).isEqualTo(200);
            // The sandbox's own tokens are still good.
            assertThat(get(api, WORKLOADS, api.mintToken(Sandbox.DEFAULT_CLIENT_ID)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theIssuerMustMatchToTheLetterAndTheSignatureMustHold() throws Exception {
        String token = token("ci-basic");
        String otherSpelling = keycloak.issuer().replace("127.0.0.1", "localhost");
        try (Sandbox api = trustingKeycloak().start();
                Sandbox elsewhere = Sandbox.builder().trustIssuer(otherSpelling, keycloak.server().jwksUrl()).start();
                Sandbox untrusting = Sandbox.start()) {
            assertThat(get(api, WORKLOADS, token).statusCode()).isEqualTo(200);
            assertThat(get(elsewhere, WORKLOADS, token).body()).contains("INVALID_TOKEN");
            assertThat(get(untrusting, WORKLOADS, token).statusCode()).isEqualTo(401);
            String[] parts = token.split("\\.");
            String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
            assertThat(get(api, WORKLOADS, forged).body()).contains("INVALID_TOKEN");
        }
    }

    @Test
    void anAudienceIsDemandedWhenTheApiHasOne() throws Exception {
        try (Sandbox api = trustingKeycloak().audience("openchoreo-api").start()) {
            String withAudience = token("ci-audience");
            assertThat(TokenClaims.peek(withAudience)).isPresent();
            assertThat(get(api, WORKLOADS, withAudience).statusCode()).isEqualTo(200);
            // Keycloak's default audience is "account".
            assertThat(get(api, WORKLOADS, token("ci-basic")).body()).contains("INVALID_CLAIMS");
        }
    }

    @Test
    void anExpiredTokenIsRefusedWithoutClockSkew() throws Exception {
        try (Sandbox api = trustingKeycloak().start()) {
            String token = token("ci-short-lived");
            Instant expiry = TokenClaims.peek(token).orElseThrow().expiresAt();
            assertThat(expiry).isBefore(Instant.now().plusSeconds(3));
            if (Instant.now().isBefore(expiry.minusMillis(300))) {
                assertThat(get(api, WORKLOADS, token).statusCode()).isEqualTo(200);
            }
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 100);
            assertThat(get(api, WORKLOADS, token).body()).contains("INVALID_TOKEN");
        }
    }

    @Test
    void aDeployRunsEndToEndWithAKeycloakTokenFoundByDiscovery(@TempDir Path repo) {
        try (Sandbox api = trustingKeycloak().start()) {
            api.addComponent("default", "shop", "greeter");
            ConnectionSettings settings = ConnectionSettings.builder(api.apiUrl().toString())
                    .authMethod(ClientAuthMethod.AUTO).build();
            TokenCache cache = new TokenCache(Clock.systemUTC());
            List<String> steps = new ArrayList<>();
            DeployListener listener = new DeployListener() {
                @Override
                public void attempted(HttpCall call, int status, String requestId, Duration elapsed) {
                    keycloak.observer().attempted(call, status, requestId, elapsed);
                }

                @Override
                public void step(String message) {
                    steps.add(message);
                }
            };
            Deployer deployer = new Deployer(settings, Credentials.client("ci-basic", keycloak.secret("ci-basic")),
                    new OpenChoreoEngine(cache), new LocalWorkspaceFiles(repo), listener);

            DeployResult created = deployer.deploy(DeployRequest.builder("greeter", "registry.example/greeter:1")
                    .project("shop").build());
            DeployResult updated = deployer.deploy(DeployRequest.builder("greeter", "registry.example/greeter:2")
                    .project("shop").build());

            assertThat(created.change().outcome()).isEqualTo(DeployOutcome.CREATED);
            assertThat(updated.change().outcome()).isEqualTo(DeployOutcome.UPDATED);
            assertThat(updated.change().previousImage()).isEqualTo("registry.example/greeter:1");
            // Discovery and one token for the first deploy; the cached token for the second.
            assertThat(created.traffic().identityProviderRequests()).isGreaterThanOrEqualTo(2);
            assertThat(updated.traffic().identityProviderRequests()).isZero();
            assertThat(api.workload("default", created.target().workloadName()).orElseThrow()
                    .path("spec").path("container").path("image").asText()).isEqualTo("registry.example/greeter:2");
            assertThat(api.requests()).noneMatch(r -> r.toString().contains(keycloak.secret("ci-basic")));
            assertThat(String.join("\n", steps)).doesNotContain(keycloak.secret("ci-basic"));
        }
    }
}
