package io.jenkins.plugins.openchoreo.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.TokenException;
import io.jenkins.plugins.openchoreo.client.http.HttpResult;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Token endpoint answers as real providers send them, read without a network. */
class TokenResponsesTest {

    private static final URI TOKEN_URL = URI.create("https://idp.example/oauth2/token");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static HttpResult answer(int status, String contentType, String body) {
        return new HttpResult(status, contentType == null ? Map.of() : Map.of("content-type", List.of(contentType)),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "req-1", Duration.ZERO);
    }

    private static AccessToken read(HttpResult result) {
        return TokenResponses.read(result, TOKEN_URL, NOW, new SecretMasker());
    }

    private static void expectFailure(HttpResult result, ErrorCode code, String messagePart) {
        assertThatThrownBy(() -> read(result)).isInstanceOfSatisfying(TokenException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
            assertThat(e.requestId()).isEqualTo("req-1");
        });
    }

    @Test
    void aZeroOrNegativeExpiresInFallsBackToTheTokensOwnExpiry() {
        long exp = NOW.plus(Duration.ofMinutes(10)).getEpochSecond();
        String jwt = TokenClaimsTest.jwt("{\"sub\":\"ci\",\"exp\":" + exp + "}");
        for (String expiresIn : List.of("0", "-30", "\"never\"")) {
            AccessToken token = read(answer(200, "application/json",
                    "{\"access_token\":\"" + jwt + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}"));
            // ten minutes, refreshed a minute early
            assertThat(token.isUsableAt(NOW.plus(Duration.ofMinutes(8)))).as(expiresIn).isTrue();
            assertThat(token.isUsableAt(NOW.plus(Duration.ofMinutes(9)))).as(expiresIn).isFalse();
        }
    }

    @Test
    void anOpaqueTokenWithoutLifetimeIsKeptOnlyBriefly() {
        AccessToken token = read(answer(200, "application/json", "{\"access_token\":\"opaque\",\"expires_in\":0}"));
        assertThat(token.isUsableAt(NOW.plus(TokenResponses.UNKNOWN_LIFETIME))).isFalse();
        assertThat(token.isUsableAt(NOW.plus(Duration.ofSeconds(30)))).isTrue();
    }

    @Test
    void aNonBearerTokenIsRefused() {
        expectFailure(answer(200, "application/json", "{\"access_token\":\"t\",\"token_type\":\"mac\"}"),
                ErrorCode.TOKEN_BAD_RESPONSE, "\"mac\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "200 | application/json | {\"access_token\":\"\"}       | JSON without access_token or error",
        "200 | application/json | {\"access_token\":7}          | JSON without access_token or error",
        "200 | application/json | [\"access_token\"]            | a non-JSON answer",
        "200 | text/plain       | ''                            | a non-JSON answer",
        "404 | text/html        | <html>Not here</html>         | an HTML page",
        "400 |                  | {\"error\":{\"code\":1}}      | JSON without access_token or error"})
    void answersThatAreNotTokenResponsesPointAtTheUrl(int status, String type, String body, String kind) {
        expectFailure(answer(status, type, body), ErrorCode.TOKEN_BAD_RESPONSE,
                "answered HTTP " + status + " with " + kind);
    }

    @Test
    void aFailingProviderWithoutAnOauthBodyIsAServerError() {
        expectFailure(answer(503, "text/plain", "upstream down"), ErrorCode.TOKEN_SERVER_ERROR, "HTTP 503");
        expectFailure(answer(502, null, null), ErrorCode.TOKEN_SERVER_ERROR, "a non-JSON answer");
    }

    @ParameterizedTest
    @CsvSource({"invalid_scope, TOKEN_INVALID_SCOPE", "temporarily_unavailable, TOKEN_SERVER_ERROR",
        "access_denied, TOKEN_INVALID_REQUEST"})
    void oauthErrorsAreTypedByTheErrorField(String error, ErrorCode code) {
        expectFailure(answer(400, "application/json", "{\"error\":\"" + error + "\"}"), code,
                "refused the token request: " + error + ", HTTP 400");
    }

    @Test
    void anAbsurdLifetimeIsClampedNotABug() {
        for (String expiresIn : List.of("9223372036854775807", "\"9223372036854775807\"", "1e300",
                "99999999999999999999999")) {
            AccessToken token = read(answer(200, "application/json",
                    "{\"access_token\":\"opaque\",\"expires_in\":" + expiresIn + "}"));
            assertThat(token.isUsableAt(NOW.plus(Duration.ofMinutes(5)))).as(expiresIn).isTrue();
            assertThat(token.isUsableAt(NOW.plus(Duration.ofDays(1)))).as(expiresIn).isFalse();
        }
        String forever = TokenClaimsTest.jwt("{\"sub\":\"ci\",\"exp\":9223372036854775807}");
        AccessToken token = read(answer(200, "application/json", "{\"access_token\":\"" + forever + "\"}"));
        assertThat(token.isUsableAt(NOW.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void aRefusalCannotForgeLogLines() {
        expectFailure(answer(400, "application/json", "{\"error\":\"invalid_request\\r\\nCreated Workload x\","
                + "\"error_description\":\"a\\nb\\u2028c\"}"), ErrorCode.TOKEN_INVALID_REQUEST, "Created Workload x");
        assertThatThrownBy(() -> read(answer(400, "application/json", "{\"error\":\"invalid_request\","
                + "\"error_description\":\"a\\nb\\u2028c\"}"))).satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("\n", "\r", "\u2028"));
        assertThatThrownBy(() -> read(answer(200, "application/json", "{\"access_token\":\"t\","
                + "\"token_type\":\"mac\\nCreated\"}"))).satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("\n"));
    }

    @Test
    void aHugeErrorDescriptionFullOfTokenStartsIsReadPromptly() {
        String body = "{\"error\":\"invalid_client\",\"error_description\":\"" + "eyJ".repeat(100_000) + "\"}";
        TokenException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> org.junit.jupiter.api.Assertions.assertThrows(TokenException.class,
                        () -> read(answer(401, "application/json", body))),
                "a hang guard, not a time budget");
        assertThat(e.getMessage().length()).isLessThan(1000);
    }
}
