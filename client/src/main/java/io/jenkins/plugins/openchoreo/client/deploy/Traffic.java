package io.jenkins.plugins.openchoreo.client.deploy;

import java.io.Serializable;
import java.util.List;

/**
 * The HTTP requests a deploy took and how long it ran: what the figures (requests per deploy,
 * identity-provider calls) are read from.
 *
 * @param requestIds the request id of each API attempt, in order
 * @param apiRequests attempts at the OpenChoreo API, retries included
 * @param identityProviderRequests attempts at the identity provider (token and discovery)
 * @param durationMillis wall time from the request's check to the result
 */
public record Traffic(List<String> requestIds, int apiRequests, int identityProviderRequests, long durationMillis)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public Traffic {
        requestIds = List.copyOf(requestIds);
    }
}
