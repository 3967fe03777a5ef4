package io.jenkins.plugins.openchoreo.client;

import io.jenkins.plugins.openchoreo.client.api.ServerVersion;
import io.jenkins.plugins.openchoreo.client.auth.AccessToken;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.auth.TokenClaims;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;
import java.util.Optional;

/**
 * "Test connection": the server's version, a token, and one harmless call that OpenChoreo's CI
 * role is allowed ({@code GET …/workloads?component=…}), so a check that passes means a deploy
 * can authenticate and reach the namespace. Needs no permission the CI role lacks.
 */
public final class ConnectionCheck {

    /** The component name looked up when none is given: any valid name works for the check. */
    public static final String PROBE_COMPONENT = "openchoreo-connection-check";

    private ConnectionCheck() {}

    public static Result run(ConnectionSettings settings, Credentials credentials, OpenChoreoEngine engine,
            String namespace, String component, CallObserver observer) {
        OpenChoreoConnection connection = engine.connect(settings, credentials, observer);
        ServerVersion version = connection.workloads().version();
        AccessToken token = connection.tokens().token(observer);
        Optional<TokenClaims> claims = TokenClaims.peek(token.value());
        String identity = claims.map(TokenClaims::identity).orElse("(opaque token)");
        String subject = claims.map(TokenClaims::subject).orElse(null);
        String probe = component == null || component.isBlank() ? PROBE_COMPONENT : component.trim();
        int workloads = connection.workloads().listByComponent(namespace, probe).size();
        return new Result(identity, subject, version, namespace, probe, workloads);
    }

    /**
     * What the check found.
     *
     * @param identity the token's client ({@code client_id}, else {@code sub})
     * @param subject the token's {@code sub} claim, or null for an opaque token: OpenChoreo's role
     *     bindings for service accounts match it ({@code entitlement: {claim: sub, value: …}}), and
     *     identity providers other than ThunderID put something other than the client id there
     *     (Keycloak: the service account's user id)
     */
    public record Result(String identity, String subject, ServerVersion version, String namespace, String component,
            int workloads) {

        /**
         * What was checked, and no more: the list answers for a namespace that does not exist too
         * (empty), and the CI role may not read namespaces, so an empty list proves only the permission.
         */
        public String summary() {
            // The version, the identity and the subject are the server's words: one line, whatever they hold.
            return ServerText.oneLine("Connected to " + version + " as " + identity + (subject == null ? ""
                    : " (token subject " + subject + ": the value an OpenChoreo role binding must name)")
                    + "; may list Workloads in namespace " + namespace + ": "
                    + (workloads == 0 ? "none" : String.valueOf(workloads)) + " for component " + component
                    + (workloads == 0 ? " (an empty list does not show that the namespace exists)" : ""));
        }
    }
}
