package io.jenkins.plugins.openchoreo.it.keycloak;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.auth.AccessToken;
import io.jenkins.plugins.openchoreo.client.auth.ClientAuthMethod;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenClaims;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.TokenException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine's client-credentials grant against Keycloak 26: each client authentication method,
 * discovery, and Keycloak's real refusals with the error code and hint a user gets. What Keycloak
 * answered on these machines is in {@code it-keycloak/README.md}.
 */
@ExtendWith(KeycloakExtension.class)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Keycloak is started with bin/kc.sh")
class KeycloakTokensIT {

    private final Keycloak keycloak;
    private final Recorder recorder = new Recorder();
    private final CallObserver observer;

    KeycloakTokensIT(Keycloak keycloak) {
        this.keycloak = keycloak;
        this.observer = CallObserver.both(keycloak.observer(), recorder);
    }

    private OpenChoreoConnection connect(String clientId, String secret, ClientAuthMethod method) {
        ConnectionSettings settings = ConnectionSettings.builder(keycloak.server().baseUrl().toString())
                .tokenUrl(keycloak.server().tokenUrl().toString()).authMethod(method).build();
        return new OpenChoreoEngine().connect(settings, Credentials.client(clientId, secret), observer);
    }

    /** The realm's client for a method: ci-post for client_secret_post, ci-basic otherwise. */
    private static String clientFor(ClientAuthMethod method) {
        return method == ClientAuthMethod.POST ? "ci-post" : "ci-basic";
    }

    @ParameterizedTest
    @EnumSource(ClientAuthMethod.class)
    void eachMethodGetsATokenWithASecretFullOfSpecialCharacters(ClientAuthMethod method) {
        String clientId = clientFor(method);
        String secret = keycloak.secret(clientId);
        assertThat(secret).contains("+", "&", "%", ":", "=", "é");

        AccessToken token = connect(clientId, secret, method).tokens().token(observer);

        TokenClaims claims = TokenClaims.peek(token.value()).orElseThrow();
        assertThat(claims.issuer()).isEqualTo(keycloak.issuer());
        assertThat(claims.clientId()).isEqualTo(clientId);
        assertThat(claims.identity()).isEqualTo(clientId);
        // Keycloak accepts basic for every client-secret client, so auto needs no fallback.
        assertThat(recorder.tokenAttempts()).containsExactly(keycloak.server().tokenUrl() + " 200");
        assertThat(recorder.messages()).noneMatch(m -> m.contains(secret) || m.contains(token.value()));
    }

    @Test
    void basicCredentialsMustBeFormEncodedBeforeBase64() throws Exception {
        // What the engine does (RFC 6749 §2.3.1) is above; the raw pair is what naive clients send.
        String raw = "ci-basic:" + keycloak.secret("ci-basic");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                keycloak.server().tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        raw.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("unauthorized_client");
    }

    @Test
    void theTokenEndpointIsDiscoveredFromTheApiThroughTheIssuer() {
        try (Sandbox api = Sandbox.builder().trustIssuer(keycloak.issuer(), keycloak.server().jwksUrl()).start()) {
            ConnectionSettings settings = ConnectionSettings.builder(api.apiUrl().toString())
                    .authMethod(ClientAuthMethod.AUTO).build();
            OpenChoreoConnection connection = new OpenChoreoEngine().connect(settings,
                    Credentials.client("ci-basic", keycloak.secret("ci-basic")),
                    observer);

            AccessToken token = connection.tokens().token(observer);

            // API → oauth-protected-resource → {keycloak}/realms/openchoreo → openid-configuration → token_endpoint
            assertThat(recorder.messages()).contains("Discovered the token endpoint " + keycloak.server().tokenUrl()
                    + " from " + api.apiUrl());
            assertThat(recorder.tokenAttempts()).containsExactly(keycloak.server().tokenUrl() + " 200");
            assertThat(TokenClaims.peek(token.value()).orElseThrow().issuer()).isEqualTo(keycloak.issuer());
        }
    }

    @ParameterizedTest
    @EnumSource(ClientAuthMethod.class)
    void aWrongSecretIsABadCredentialWithOneRequest(ClientAuthMethod method) {
        String wrong = "not+the&secret%3D";
        assertThatThrownBy(() -> connect(clientFor(method), wrong, method).tokens().token(observer))
                .isInstanceOfSatisfying(TokenException.class, e -> {
                    // Keycloak: 401 unauthorized_client "Invalid client or Invalid client credentials".
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.oauthError()).isEqualTo("unauthorized_client");
                    assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID_CLIENT);
                    assertThat(e.hint()).contains("client id").contains("client secret");
                    assertThat(e.describe()).doesNotContain(wrong).doesNotContain(keycloak.secret(clientFor(method)));
                });
        // auto does not try the other method: with Keycloak it cannot help.
        assertThat(recorder.tokenAttempts()).containsExactly(keycloak.server().tokenUrl() + " 401");
    }

    @Test
    void anUnknownClientIsABadCredential() {
        assertThatThrownBy(() -> connect("ci-nobody", "whatever", ClientAuthMethod.AUTO).tokens().token(observer))
                .isInstanceOfSatisfying(TokenException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.oauthError()).isEqualTo("invalid_client");
                    assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID_CLIENT);
                });
    }

    @ParameterizedTest
    @EnumSource(ClientAuthMethod.class)
    void aClientRegisteredForSignedJwtIsTheWrongMethodWithItsHint(ClientAuthMethod method) {
        // Keycloak takes basic and post alike; the method it refuses is anything but a signed JWT
        // for a client whose authenticator is client-secret-jwt.
        assertThatThrownBy(() -> connect("ci-signed-jwt", keycloak.secret("ci-signed-jwt"), method).tokens()
                .token(observer))
                .isInstanceOfSatisfying(TokenException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.oauthError()).isEqualTo("invalid_client");
                    assertThat(e.getMessage()).contains("client_assertion_type");
                    assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_UNAUTHORIZED_CLIENT);
                    assertThat(e.hint()).contains("signed-JWT").contains("Client Id and Secret");
                });
        assertThat(recorder.tokenAttempts()).hasSize(1);
    }

    @Test
    void keycloaksOwnMetadataNamesTheTokenEndpointAndTheJwks() throws Exception {
        HttpResponse<String> metadata = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak.issuer() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body())
                .contains("\"issuer\":\"" + keycloak.issuer() + "\"")
                .contains("\"token_endpoint\":\"" + keycloak.server().tokenUrl() + "\"")
                .contains("\"jwks_uri\":\"" + keycloak.server().jwksUrl() + "\"")
                .contains("client_secret_basic").contains("client_secret_post");
    }
}
