package io.jenkins.plugins.openchoreo.client.rollout;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * A result map's endpoint entries, as Pipeline scripts read them: {@code endpointUrls} (the URL
     * to show per endpoint) and {@code endpoints} (every URL the server gave, {@link EndpointUrl#toMap()});
     * empty lists without a rollout.
     */
    public static void putEndpoints(Map<String, Object> map, RolloutResult rollout) {
        map.put("endpointUrls", rollout == null ? new ArrayList<>()
                : new ArrayList<>(rollout.endpoints().stream().map(EndpointUrl::url).toList()));
        map.put("endpoints", rollout == null ? new ArrayList<>()
                : new ArrayList<>(rollout.endpoints().stream().map(EndpointUrl::toMap).toList()));
    }
}
