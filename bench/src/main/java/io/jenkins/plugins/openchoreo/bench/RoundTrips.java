package io.jenkins.plugins.openchoreo.bench;

import io.jenkins.plugins.openchoreo.sandbox.RecordedRequest;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The requests the sandbox received since it was last cleared, split into API and identity
 * provider, how many of the latter issued a token, and how many round trips were made one after
 * the other (the sandbox's count of requests sent after the one before was answered).
 */
record RoundTrips(int api, int identityProvider, int tokensIssued, int sequential) {

    private static final Set<Route> IDENTITY_PROVIDER = EnumSet.of(Route.TOKEN, Route.JWKS, Route.OIDC_DISCOVERY,
            Route.OAUTH_AS_DISCOVERY);

    static RoundTrips of(Sandbox sandbox) {
        List<RecordedRequest> requests = sandbox.requests();
        int idp = (int) requests.stream().filter(r -> IDENTITY_PROVIDER.contains(r.route())).count();
        int tokens = (int) requests.stream().filter(r -> r.route() == Route.TOKEN && r.status() == 200).count();
        int sequential = requests.stream().mapToInt(RecordedRequest::sequence).max().orElse(0);
        return new RoundTrips(requests.size() - idp, idp, tokens, sequential);
    }
}
