package io.jenkins.plugins.openchoreo.client.rollout;

import java.io.Serializable;
import java.util.List;

/** Where a deployed endpoint answers, as the ReleaseBinding reports it. */
public record EndpointUrl(String name, String type, String invokeUrl, List<String> externalUrls)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public EndpointUrl {
        externalUrls = List.copyOf(externalUrls);
    }

    /** The URL to show a person: the first external one, else the invoke URL. */
    public String url() {
        return externalUrls.isEmpty() ? invokeUrl : externalUrls.get(0);
    }

    @Override
    public String toString() {
        return name + " (" + type + "): " + url();
    }
}
