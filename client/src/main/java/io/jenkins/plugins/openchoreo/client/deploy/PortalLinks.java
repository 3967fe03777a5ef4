package io.jenkins.plugins.openchoreo.client.deploy;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links into OpenChoreo's Backstage portal. */
public final class PortalLinks {

    private PortalLinks() {}

    /** {@code {portal}/catalog/{namespace}/component/{component}}, or null without a portal URL. */
    public static String component(URI portalUrl, String namespace, String component) {
        if (portalUrl == null) {
            return null;
        }
        String base = portalUrl.toString().replaceAll("/+$", "");
        return base + "/catalog/" + encode(namespace) + "/component/" + encode(component);
    }

    /**
     * The value of the {@code jenkins.io/job-full-name} annotation that makes the portal's Jenkins
     * card find a job: the job's full name, prefixed by the Jenkins instance name when the portal
     * knows several instances.
     */
    public static String jenkinsAnnotation(String jobFullName, String instanceName) {
        return instanceName == null || instanceName.isBlank() ? jobFullName : instanceName.trim() + ":" + jobFullName;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
