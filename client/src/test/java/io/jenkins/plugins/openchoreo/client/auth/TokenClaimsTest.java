package io.jenkins.plugins.openchoreo.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading whom a token names and when it ends, without trusting it. */
class TokenClaimsTest {

    /** A JWT-shaped token with this payload (header and signature are not read). */
    static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void readsSubjectClientIssuerAndExpiry() {
        TokenClaims claims = TokenClaims.peek(jwt("{\"sub\":\"svc\",\"client_id\":\"ci\",\"iss\":\"https://idp\","
                + "\"exp\":1700000000}")).orElseThrow();
        assertThat(claims).isEqualTo(new TokenClaims("svc", "ci", "https://idp", Instant.ofEpochSecond(1700000000)));
        assertThat(claims.identity()).isEqualTo("ci");
    }

    @Test
    void withoutAClientIdTheSubjectIsTheIdentity() {
        TokenClaims claims = TokenClaims.peek(jwt("{\"sub\":\"svc\"}")).orElseThrow();
        assertThat(claims.identity()).isEqualTo("svc");
        assertThat(claims.expiresAt()).as("no exp claim").isNull();
    }

    @Test
    void claimsOfTheWrongTypeCountAsAbsent() {
        TokenClaims claims = TokenClaims.peek(jwt("{\"sub\":42,\"client_id\":null,\"exp\":\"soon\"}")).orElseThrow();
        assertThat(claims.subject()).isNull();
        assertThat(claims.clientId()).isNull();
        assertThat(claims.expiresAt()).isNull();
        assertThat(claims.identity()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"opaque-token", "a.b", "a.b.c.d", "a.!!!.c"})
    void opaqueOrMalformedTokensHaveNoClaims(String token) {
        assertThat(TokenClaims.peek(token)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "not json"})
    void aPayloadThatIsNotAJsonObjectHasNoClaims(String payload) {
        assertThat(TokenClaims.peek(jwt(payload))).isEmpty();
    }
}
