package io.jenkins.plugins.openchoreo.client.auth;

import java.util.Objects;

/**
 * Optional token request parameters some providers need: {@code scope} (Okta; Entra ID's
 * {@code api://app/.default}), {@code audience} (Auth0), {@code resource} (RFC 8707; ThunderID
 * sets {@code aud} from it). Null or blank means "not sent".
 */
public record TokenParameters(String scope, String audience, String resource) {

    public static final TokenParameters NONE = new TokenParameters(null, null, null);

    public TokenParameters {
        scope = blankToNull(scope);
        audience = blankToNull(audience);
        resource = blankToNull(resource);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public boolean equals(Object other) {
        // Written out, not generated: a record's generated equals and hashCode are linked on first
        // use, a measurable part of a short CLI run's start-up (docs/performance.md).
        return other instanceof TokenParameters o && Objects.equals(scope, o.scope)
                && Objects.equals(audience, o.audience) && Objects.equals(resource, o.resource);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, audience, resource);
    }
}
