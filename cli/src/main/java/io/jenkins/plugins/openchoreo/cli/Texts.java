package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;
import io.jenkins.plugins.openchoreo.client.promote.PromoteResult;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import java.util.List;

/** The human-readable forms of results. */
final class Texts {

    private Texts() {}

    static String result(DeployResult result) {
        DeployResult.Target target = result.target();
        DeployResult.Change change = result.change();
        StringBuilder text = new StringBuilder(result.summary());
        line(text, "workload",
                target.namespace() + "/" + target.workloadName() + " (project " + target.project() + ")");
        line(text, "image", change.previousImage() == null || change.previousImage().equals(change.image())
                ? change.image() : change.previousImage() + " → " + change.image());
        line(text, "mode", change.mode());
        if (target.portalUrl() != null) {
            line(text, "portal", target.portalUrl());
        }
        tail(text, result.rollout(), result.warnings(), result.traffic().apiRequests(),
                result.traffic().identityProviderRequests(), result.traffic().durationMillis());
        return text.toString();
    }

    static String result(PromoteResult result) {
        StringBuilder text = new StringBuilder(result.summary());
        line(text, "binding", result.namespace() + "/" + result.bindingName() + " (project " + result.project()
                + ")");
        line(text, "bound", result.previousRelease() == null || result.previousRelease().equals(result.release())
                ? result.release() : result.previousRelease() + " → " + result.release());
        line(text, "path", result.from() + " → " + result.to());
        if (result.portalUrl() != null) {
            line(text, "portal", result.portalUrl());
        }
        tail(text, result.rollout(), result.warnings(), result.apiRequests(), result.identityProviderRequests(),
                result.durationMillis());
        return text.toString();
    }

    /** What deploys and promotions both end with: the Ready release, warnings, the requests made. */
    private static void tail(StringBuilder text, RolloutResult rollout, List<String> warnings, int api, int idp,
            long millis) {
        if (rollout != null) {
            line(text, "release",
                    rollout.release() + " Ready in " + rollout.environment() + " at " + rollout.readyAt());
            rollout.endpoints().forEach(e -> line(text, "endpoint", e.name() + " " + e.url()));
        }
        for (String warning : warnings) {
            line(text, "warning", warning);
        }
        line(text, "requests", api + " API, " + idp + " identity provider, " + millis + " ms");
    }

    /** One labelled line; the value may be the server's (an image, an endpoint URL), so it is kept to one line. */
    private static void line(StringBuilder text, String label, String value) {
        text.append(System.lineSeparator()).append("  ").append(String.format("%-10s", label + ":"))
                .append(ServerText.oneLine(value));
    }
}
