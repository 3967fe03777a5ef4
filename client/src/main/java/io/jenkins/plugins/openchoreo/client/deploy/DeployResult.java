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

/**
 * What a deploy did: serialisable (Jenkins keeps it with the build), immutable, no secret in it.
 *
 * @param workloadJson the compact JSON of the Workload sent (or that a dry run would send, or the
 *     current one when unchanged)
 * @param changes one line per change, e.g. {@code image: a:1 → a:2}, {@code endpoints: + api}
 * @param portalUrl the component's page in the portal, or null without a portal URL
 * @param rollout the Ready release, or null when the deploy did not wait (or could not: see warnings)
 */
public record DeployResult(String namespace, String project, String component, String workloadName,
        DeployOutcome outcome, boolean dryRun, String mode, String image, String previousImage, List<String> changes,
        List<String> warnings, List<String> requestIds, int apiRequests, int identityProviderRequests,
        long durationMillis, String portalUrl, String workloadJson, boolean workflowRunAnnotated,
        RolloutResult rollout)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public DeployResult {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        requestIds = List.copyOf(requestIds);
    }

    /** One line for a log or a build page, e.g. "Updated greeter-workload: image a:1 → a:2". */
    public String summary() {
        String verb = switch (outcome) {
            case CREATED -> dryRun ? "Would create" : "Created";
            case UPDATED -> dryRun ? "Would update" : "Updated";
            case UNCHANGED -> "Unchanged";
        };
        String what = changes.isEmpty() ? "" : ": " + String.join("; ", changes);
        // One line whatever the server's values in the changes and the rollout hold.
        return ServerText.oneLine(verb + " Workload " + namespace + "/" + workloadName + " of component " + component
                + what + (rollout == null ? "" : ". " + rollout.summary()));
    }

    /**
     * Plain values only (strings, numbers, booleans, lists and maps of them), as Pipeline's script {}
     * can use. {@code endpointUrls} has the URL to show for each endpoint, {@code endpoints} every URL
     * the server gave for it ({@link EndpointUrl#toMap()}).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("namespace", namespace);
        map.put("project", project);
        map.put("component", component);
        map.put("workloadName", workloadName);
        map.put("outcome", outcome.wireName());
        map.put("dryRun", dryRun);
        map.put("mode", mode);
        map.put("image", image);
        map.put("previousImage", previousImage);
        map.put("changes", new ArrayList<>(changes));
        map.put("warnings", new ArrayList<>(warnings));
        map.put("summary", summary());
        map.put("requestIds", new ArrayList<>(requestIds));
        map.put("apiRequests", apiRequests);
        map.put("identityProviderRequests", identityProviderRequests);
        map.put("durationMillis", durationMillis);
        map.put("portalUrl", portalUrl);
        map.put("workflowRunAnnotated", workflowRunAnnotated);
        map.put("ready", rollout != null);
        map.put("release", rollout == null ? null : rollout.release());
        map.put("environment", rollout == null ? null : rollout.environment());
        map.put("readyAt", rollout == null ? null : rollout.readyAt());
        map.put("endpointUrls", rollout == null ? new ArrayList<>()
                : new ArrayList<>(rollout.endpoints().stream().map(EndpointUrl::url).toList()));
        map.put("endpoints", rollout == null ? new ArrayList<>()
                : new ArrayList<>(rollout.endpoints().stream().map(EndpointUrl::toMap).toList()));
        return map;
    }

    /** The JSON the CLI prints with {@code --output json}: the map's fields plus the Workload itself. */
    public ObjectNode toJson() {
        ObjectNode json = Json.ofPlainMap(toMap());
        try {
            json.set("workload", Json.MAPPER.readTree(workloadJson));
        } catch (java.io.IOException e) {
            json.put("workload", workloadJson);
        }
        return json;
    }
}
