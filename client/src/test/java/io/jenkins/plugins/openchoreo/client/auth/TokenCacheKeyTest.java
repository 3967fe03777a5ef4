package io.jenkins.plugins.openchoreo.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The token cache's key: a token fetched for one client, secret, token URL or set of parameters
 * must never be handed to another (a changed secret in Jenkins must fetch a new token, not reuse
 * one the old secret got). Its equals is written out for start-up, so each field is checked.
 */
class TokenCacheKeyTest {

    private static final URI URL = URI.create("https://idp.example.com/oauth2/token");
    private static final TokenParameters PARAMS = new TokenParameters("s", "a", "r");

    private static TokenCache.Key key(URI url, String id, String secret, TokenParameters parameters) {
        return TokenCache.Key.of(url, new Credentials.Client(id, secret), parameters);
    }

    @Test
    void theSameClientSecretUrlAndParametersAreOneKey() {
        TokenCache.Key key = key(URL, "ci", "s3cret", PARAMS);
        assertThat(key).isEqualTo(key(URL, "ci", "s3cret", new TokenParameters(" s ", "a", "r")))
                .hasSameHashCodeAs(key(URL, "ci", "s3cret", PARAMS)).isEqualTo(key).isNotEqualTo("ci");
        assertThat(key.secretDigest()).as("the secret itself is not kept").doesNotContain("s3cret").hasSize(64);
    }

    @Test
    void anyFieldThatDiffersMakesAnotherKey() {
        TokenCache.Key key = key(URL, "ci", "s3cret", PARAMS);
        assertThat(key).isNotEqualTo(key(URI.create("https://other.example.com/token"), "ci", "s3cret", PARAMS))
                .isNotEqualTo(key(URL, "ci2", "s3cret", PARAMS))
                .isNotEqualTo(key(URL, "ci", "s3cret2", PARAMS))
                .isNotEqualTo(key(URL, "ci", "s3cret", TokenParameters.NONE));
    }

    @Test
    void parametersCompareFieldByFieldWithBlankAsAbsent() {
        assertThat(new TokenParameters(" ", "", null)).isEqualTo(TokenParameters.NONE)
                .hasSameHashCodeAs(TokenParameters.NONE).isNotEqualTo(null);
        assertThat(PARAMS).isNotEqualTo(new TokenParameters("x", "a", "r"))
                .isNotEqualTo(new TokenParameters("s", "x", "r")).isNotEqualTo(new TokenParameters("s", "a", "x"));
    }
}
