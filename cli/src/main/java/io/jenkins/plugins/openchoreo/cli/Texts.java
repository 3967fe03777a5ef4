package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;

/** The human-readable forms of results. */
final class Texts {

    private Texts() {}

    static String result(DeployResult result) {
        StringBuilder text = new StringBuilder(result.summary());
        line(text, "workload", result.namespace() + "/" + result.workloadName() + " (project " + result.project() + ")");
        line(text, "image", result.previousImage() == null || result.previousImage().equals(result.image())
                ? result.image() : result.previousImage() + " → " + result.image());
        line(text, "mode", result.mode());
        if (result.portalUrl() != null) {
            line(text, "portal", result.portalUrl());
        }
        if (result.rollout() != null) {
            line(text, "release", result.rollout().release() + " Ready in " + result.rollout().environment() + " at "
                    + result.rollout().readyAt());
            result.rollout().endpoints().forEach(e -> line(text, "endpoint", e.name() + " " + e.url()));
        }
        for (String warning : result.warnings()) {
            line(text, "warning", warning);
        }
        line(text, "requests", result.apiRequests() + " API, " + result.identityProviderRequests()
                + " identity provider, " + result.durationMillis() + " ms");
        return text.toString();
    }

    /** One labelled line; the value may be the server's (an image, an endpoint URL), so it is kept to one line. */
    private static void line(StringBuilder text, String label, String value) {
        text.append(System.lineSeparator()).append("  ").append(String.format("%-10s", label + ":"))
                .append(ServerText.oneLine(value));
    }
}
