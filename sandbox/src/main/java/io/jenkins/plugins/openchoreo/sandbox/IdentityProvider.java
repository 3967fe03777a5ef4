package io.jenkins.plugins.openchoreo.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client-credentials identity provider after ThunderID: one authentication method per client,
 * RFC 6749 errors, RS256 access tokens with a {@code kid}; and the API side's token check
 * (signature by {@code kid}, exact issuer, {@code exp}/{@code nbf} without skew, audience), for
 * its own tokens and for those of the external providers it is told to trust.
 */
final class IdentityProvider {

    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final Map<String, SandboxClient> clients = new ConcurrentHashMap<>();
    private final Map<String, TrustedIssuer> trustedIssuers = new LinkedHashMap<>();
    private final Map<String, Role> externalRoles = new ConcurrentHashMap<>();
    private volatile Duration tokenLifetime;
    private volatile ExpiresInFormat expiresInFormat = ExpiresInFormat.NUMBER;

    IdentityProvider(String issuer, String audience, Duration tokenLifetime) {
        this.issuer = issuer;
        this.audience = audience;
        this.tokenLifetime = tokenLifetime;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("sandbox-" + UUID.randomUUID().toString().substring(0, 8))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make the sandbox's signing key", e);
        }
    }

    String issuer() {
        return issuer;
    }

    String audience() {
        return audience;
    }

    void register(SandboxClient client) {
        clients.put(client.clientId(), client);
    }

    void setTokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    void setExpiresInFormat(ExpiresInFormat format) {
        this.expiresInFormat = format;
    }

    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** {@code POST /oauth2/token}: a token or an RFC 6749 error. */
    Reply token(String authorization, String contentType, String body) {
        Map<String, String> form = contentType != null && contentType.toLowerCase().startsWith(
                "application/x-www-form-urlencoded") ? Forms.parse(body) : Map.of();
        String basicId = null;
        String basicSecret = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return error(400, "invalid_request", "The Authorization header is not valid base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return error(400, "invalid_request", "The Authorization header has no ':'");
            }
            try {
                basicId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                basicSecret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // Credentials that were not form-encoded first do not decode: no client matches them.
                return error(401, "invalid_client", "Client authentication failed");
            }
        }
        String postSecret = form.get("client_secret");
        if (basicId != null && postSecret != null) {
            return error(400, "invalid_request", "Use one client authentication method, not two");
        }
        String grant = form.get("grant_type");
        if (grant == null) {
            return error(400, "invalid_request", "grant_type is required");
        }
        if (!grant.equals("client_credentials")) {
            return error(400, "unsupported_grant_type", "Only client_credentials is supported");
        }
        AuthMethod used = basicId != null ? AuthMethod.BASIC : postSecret != null ? AuthMethod.POST : null;
        String clientId = basicId != null ? basicId : form.get("client_id");
        SandboxClient client = clientId == null ? null : clients.get(clientId);
        if (used == null || client == null) {
            return error(401, "invalid_client", "Client authentication failed");
        }
        if (used != client.method()) {
            return error(400, "unauthorized_client", "The client is not allowed to use this authentication method");
        }
        String secret = used == AuthMethod.BASIC ? basicSecret : postSecret;
        if (!client.secret().equals(secret)) {
            return error(401, "invalid_client", "Client authentication failed");
        }
        String aud = form.getOrDefault("resource", form.getOrDefault("audience", audience));
        Duration lifetime = tokenLifetime;
        ObjectNode answer = Json.object();
        answer.put("access_token", mint(client.clientId(), lifetime, aud, form.get("scope")));
        answer.put("token_type", "Bearer");
        switch (expiresInFormat) {
            case NUMBER -> answer.put("expires_in", lifetime.toSeconds());
            case STRING -> answer.put("expires_in", Long.toString(lifetime.toSeconds()));
            case MISSING -> {
            }
        }
        if (form.get("scope") != null) {
            answer.put("scope", form.get("scope"));
        }
        return Reply.json(200, answer);
    }

    /** A signed access token for a registered client; a negative lifetime gives an expired one. */
    String mint(String clientId, Duration lifetime, String aud, String scope) {
        Instant now = Instant.now();
        Instant expiry = now.plus(lifetime);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(clientId)
                .expirationTime(Date.from(expiry)).issueTime(Date.from(now))
                .notBeforeTime(Date.from(lifetime.isNegative() ? expiry.minusSeconds(60) : now))
                .jwtID(UUID.randomUUID().toString()).claim("client_id", clientId);
        if (aud != null) {
            claims.audience(aud);
        }
        if (scope != null) {
            claims.claim("scope", scope);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * Trusts another identity provider's tokens besides the sandbox's own; a token speaks for its
     * {@code sub} claim and gets the role {@link #assignRole} bound to that subject.
     */
    void trust(TrustedIssuer trusted) {
        trustedIssuers.put(trusted.issuer(), trusted);
    }

    /** The role bound to an external token's subject; a subject never bound is a workload publisher. */
    void assignRole(String subject, Role role) {
        externalRoles.put(subject, role);
    }

    /** The issuers the API names in its protected-resource metadata: trusted ones first, then its own. */
    List<String> authorizationServers() {
        List<String> servers = new ArrayList<>(trustedIssuers.keySet());
        servers.add(issuer);
        return servers;
    }

    /** The client a bearer token speaks for, or why it is refused (the API's 401 body). */
    Verdict verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.refused("MISSING_TOKEN", "missing or malformed authorization header");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring(7).trim());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            // The issuer is read unverified only to choose the keys; it must then match exactly.
            String claimed = claims.getIssuer();
            TrustedIssuer trusted = claimed == null ? null : trustedIssuers.get(claimed);
            boolean own = issuer.equals(claimed);
            boolean signed = own
                    ? key.getKeyID().equals(jwt.getHeader().getKeyID()) && jwt.verify(new RSASSAVerifier(key))
                    : trusted != null && trusted.signed(jwt);
            Date now = new Date();
            if (!signed || claims.getExpirationTime() == null || !now.before(claims.getExpirationTime())
                    || claims.getNotBeforeTime() != null && now.before(claims.getNotBeforeTime())) {
                return Verdict.refused("INVALID_TOKEN", "invalid or expired token");
            }
            if (audience != null && (claims.getAudience() == null || !claims.getAudience().contains(audience))) {
                return Verdict.refused("INVALID_CLAIMS", "token audience does not match");
            }
            return (own ? Optional.ofNullable(clients.get(claims.getSubject())) : externalClient(claims))
                    .map(c -> new Verdict(c, null, null))
                    .orElseGet(() -> Verdict.refused("INVALID_CLAIMS", "unknown subject"));
        } catch (ParseException | JOSEException e) {
            return Verdict.refused("INVALID_TOKEN", "invalid or expired token");
        }
    }

    /**
     * An external provider's client. OpenChoreo classifies a token without {@code groups} as a service
     * account and matches role bindings on its {@code sub} claim (control-plane Helm values @ad3f503:
     * {@code subjects.service_account.mechanisms.jwt.entitlement.claim: sub}); Keycloak's
     * client-credentials tokens carry the service account's user id there, not the client id.
     */
    private Optional<SandboxClient> externalClient(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        return Optional.ofNullable(subject).map(sub -> new SandboxClient(sub, null, null,
                externalRoles.getOrDefault(sub, Role.WORKLOAD_PUBLISHER)));
    }

    static Reply error(int status, String code, String description) {
        return Reply.json(status, Json.object().put("error", code).put("error_description", description));
    }

    /** The outcome of a token check: the client, or the error code and message of a 401. */
    record Verdict(SandboxClient client, String error, String message) {
        static Verdict refused(String error, String message) {
            return new Verdict(null, error, message);
        }
    }
}
