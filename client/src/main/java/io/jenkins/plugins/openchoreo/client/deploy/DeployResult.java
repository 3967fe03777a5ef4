package io.jenkins.plugins.openchoreo.client.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;
import io.jenkins.plugins.openchoreo.client.rollout.EndpointUrl;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a deploy did: serialisable (Jenkins keeps it with the build), immutable, no secret in it.
 * In four parts and the warnings: where it deployed ({@link Target}), what it did to the Workload
 * ({@link Change}), the requests it took ({@link Traffic}) and the release it waited for.
 *
 * @param rollout the Ready release, or null when the deploy did not wait (or could not: see warnings)
 * @param warnings what went wrong without failing the deploy, in the order the listener heard it
 */
public record DeployResult(Target target, Change change, Traffic traffic, RolloutResult rollout,
        List<String> warnings) implements Serializable {

    private static final long serialVersionUID = 2L;

    public DeployResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(traffic, "traffic");
        warnings = List.copyOf(warnings);
    }

    /**
     * Where the deploy went.
     *
     * @param portalUrl the component's page in the portal, or null without a portal URL
     */
    public record Target(String namespace, String project, String component, String workloadName, String portalUrl)
            implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /**
     * What the deploy did to the Workload (or, in a dry run, would do).
     *
     * @param mode how an existing Workload is updated, {@link DeployMode#wireName()} (never auto)
     * @param image the image deployed
     * @param previousImage the image before an update, or null when the Workload was created
     * @param changes one line per change, e.g. {@code image: a:1 → a:2}, {@code endpoints: + api}
     * @param workloadJson the compact JSON of the Workload sent (or that a dry run would send, or the
     *     current one when unchanged)
     * @param workflowRunAnnotated whether the WorkflowRun now names the Workload
     */
    public record Change(DeployOutcome outcome, boolean dryRun, String mode, String image, String previousImage,
            List<String> changes, String workloadJson, boolean workflowRunAnnotated) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Change {
            Objects.requireNonNull(outcome, "outcome");
            changes = List.copyOf(changes);
        }

        /** "Created", "Would update", "Unchanged", …: the summary's first word(s). */
        String verb() {
            return switch (outcome) {
                case CREATED -> dryRun ? "Would create" : "Created";
                case UPDATED -> dryRun ? "Would update" : "Updated";
                case UNCHANGED -> "Unchanged";
            };
        }
    }

    /** One line for a log or a build page, e.g. "Updated greeter-workload: image a:1 → a:2". */
    public String summary() {
        String what = change.changes().isEmpty() ? "" : ": " + String.join("; ", change.changes());
        // One line whatever the server's values in the changes and the rollout hold.
        return ServerText.oneLine(change.verb() + " Workload " + target.namespace() + "/" + target.workloadName()
                + " of component " + target.component() + what + (rollout == null ? "" : ". " + rollout.summary()));
    }

    /**
     * Plain values only (strings, numbers, booleans, lists and maps of them), as Pipeline's script {}
     * can use. {@code endpointUrls} has the URL to show for each endpoint, {@code endpoints} every URL
     * the server gave for it ({@link EndpointUrl#toMap()}).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("namespace", target.namespace());
        map.put("project", target.project());
        map.put("component", target.component());
        map.put("workloadName", target.workloadName());
        map.put("outcome", change.outcome().wireName());
        map.put("dryRun", change.dryRun());
        map.put("mode", change.mode());
        map.put("image", change.image());
        map.put("previousImage", change.previousImage());
        map.put("changes", new ArrayList<>(change.changes()));
        map.put("warnings", new ArrayList<>(warnings));
        map.put("summary", summary());
        map.put("requestIds", new ArrayList<>(traffic.requestIds()));
        map.put("apiRequests", traffic.apiRequests());
        map.put("identityProviderRequests", traffic.identityProviderRequests());
        map.put("durationMillis", traffic.durationMillis());
        map.put("portalUrl", target.portalUrl());
        map.put("workflowRunAnnotated", change.workflowRunAnnotated());
        map.put("ready", rollout != null);
        map.put("release", rollout == null ? null : rollout.release());
        map.put("environment", rollout == null ? null : rollout.environment());
        map.put("readyAt", rollout == null ? null : rollout.readyAt());
        RolloutResult.putEndpoints(map, rollout);
        return map;
    }

    /** The JSON the CLI prints with {@code --output json}: the map's fields plus the Workload itself. */
    public ObjectNode toJson() {
        return Json.ofPlainMap(toMap(), "workload", change.workloadJson());
    }
}
