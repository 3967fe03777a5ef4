package io.jenkins.plugins.openchoreo.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.SignedJWT;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;

/**
 * An external identity provider whose access tokens the API accepts, as OpenChoreo does when it is
 * configured with another OIDC provider (Keycloak, for example): RS256 signatures checked against
 * the provider's JWKS, fetched on first use, cached, and fetched again for an unknown {@code kid}.
 */
final class TrustedIssuer {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int SIZE_LIMIT = 512 * 1024;

    private final String issuer;
    private final JWSVerificationKeySelector<SecurityContext> keys;

    TrustedIssuer(String issuer, URI jwksUrl) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("A trusted issuer needs its exact issuer string");
        }
        this.issuer = issuer;
        try {
            JWKSource<SecurityContext> source = JWKSourceBuilder.create(jwksUrl.toURL(),
                    new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT)).retrying(true).build();
            this.keys = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a JWKS URL: " + jwksUrl, e);
        }
    }

    String issuer() {
        return issuer;
    }

    /** Whether one of the issuer's current keys (by {@code kid} and RS256) signed this token. */
    boolean signed(SignedJWT jwt) throws JOSEException {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        try {
            for (Key key : keys.selectJWSKeys(jwt.getHeader(), null)) {
                if (key instanceof RSAPublicKey rsa && jwt.verify(new RSASSAVerifier(rsa))) {
                    return true;
                }
            }
            return false;
        } catch (KeySourceException e) {
            // The JWKS could not be fetched: no key vouches for the token.
            return false;
        }
    }
}
