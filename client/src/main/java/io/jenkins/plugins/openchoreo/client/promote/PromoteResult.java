package io.jenkins.plugins.openchoreo.client.promote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.deploy.DeployOutcome;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a promotion did: serialisable (Jenkins keeps it with the build), immutable, no secret in it.
 *
 * @param from the source environment; {@code to} the target
 * @param release the release promoted
 * @param previousRelease what the target's binding was bound to before, or null when it had none
 * @param bindingName the target's ReleaseBinding
 * @param outcome created, updated or unchanged (the target's binding)
 * @param bindingJson the compact JSON of the binding sent (or that a dry run would send, or the
 *     current one when unchanged)
 * @param rollout the Ready release in the target, or null when the promotion did not wait (or
 *     could not: see warnings)
 */
public record PromoteResult(String namespace, String project, String component, String from, String to,
        String release, String previousRelease, String bindingName, DeployOutcome outcome, boolean dryRun,
        List<String> warnings, List<String> requestIds, int apiRequests, int identityProviderRequests,
        long durationMillis, String portalUrl, String bindingJson, RolloutResult rollout) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PromoteResult {
        warnings = List.copyOf(warnings);
        requestIds = List.copyOf(requestIds);
    }

    /** One line for a log or a build page, e.g. "Promoted greeter-1a2b3 from development to staging (created …)". */
    public String summary() {
        String what = switch (outcome) {
            case CREATED -> (dryRun ? "Would create" : "Created") + " ReleaseBinding " + namespace + "/" + bindingName;
            case UPDATED -> (dryRun ? "Would update" : "Updated") + " ReleaseBinding " + namespace + "/" + bindingName
                    + " from " + previousRelease;
            case UNCHANGED -> "Unchanged: ReleaseBinding " + namespace + "/" + bindingName + " already runs it";
        };
        String verb = dryRun ? "Would promote" : outcome == DeployOutcome.UNCHANGED ? "Not promoting" : "Promoted";
        return verb + " release " + release + " of component " + component + " from " + from + " to " + to + ": "
                + what + (rollout == null ? "" : ". " + rollout.summary());
    }

    /** Plain values only (strings, numbers, booleans, lists of strings), as Pipeline's script {} can use. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("namespace", namespace);
        map.put("project", project);
        map.put("component", component);
        map.put("from", from);
        map.put("environment", to);
        map.put("release", release);
        map.put("previousRelease", previousRelease);
        map.put("bindingName", bindingName);
        map.put("outcome", outcome.wireName());
        map.put("dryRun", dryRun);
        map.put("warnings", new ArrayList<>(warnings));
        map.put("summary", summary());
        map.put("requestIds", new ArrayList<>(requestIds));
        map.put("apiRequests", apiRequests);
        map.put("identityProviderRequests", identityProviderRequests);
        map.put("durationMillis", durationMillis);
        map.put("portalUrl", portalUrl);
        map.put("ready", rollout != null);
        map.put("readyAt", rollout == null ? null : rollout.readyAt());
        RolloutResult.putEndpoints(map, rollout);
        return map;
    }

    /** The JSON the CLI prints with {@code --output json}: the map's fields plus the binding itself. */
    public ObjectNode toJson() {
        return Json.ofPlainMap(toMap(), "releaseBinding", bindingJson);
    }
}
