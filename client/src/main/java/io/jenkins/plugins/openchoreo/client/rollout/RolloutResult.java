package io.jenkins.plugins.openchoreo.client.rollout;

import java.io.Serializable;
import java.util.List;

/**
 * A rollout that became Ready: the release, the environment, when it was seen Ready (ISO-8601),
 * and the endpoints' URLs.
 */
public record RolloutResult(String release, String environment, String readyAt, List<EndpointUrl> endpoints)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public RolloutResult {
        endpoints = List.copyOf(endpoints);
    }

    public String summary() {
        return "Release " + release + " is Ready in " + environment
                + (endpoints.isEmpty() ? "" : "; " + String.join(", ", endpoints.stream().map(EndpointUrl::toString)
                        .toList()));
    }
}
