package io.jenkins.plugins.openchoreo.client.promote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;

/**
 * The ReleaseBinding bodies a promotion sends, as OpenChoreo's own clients build them. A new
 * binding carries the name {@code <component>-<environment>}, the owner, the environment and the
 * release, nothing else (occ's {@code component deploy --to}). An existing binding is sent back
 * whole with {@code spec.releaseName} replaced, so every other field (overrides, trait configs,
 * labels, annotations) stays; only the read-only {@code apiVersion}, {@code kind} and
 * {@code status} are left out, which the server ignores anyway. An {@code Undeploy} binding is
 * set {@code Active}, as the portal's promote does: promoting means running the release there.
 */
final class BindingBodies {

    static final String UNDEPLOY = "Undeploy";
    static final String ACTIVE = "Active";

    private BindingBodies() {}

    static ObjectNode create(PromoteRequest request, String release) {
        ObjectNode binding = Json.object();
        binding.putObject("metadata").put("name", request.bindingName()).put("namespace", request.namespace());
        ObjectNode spec = binding.putObject("spec");
        spec.putObject("owner").put("projectName", request.project()).put("componentName", request.component());
        spec.put("environment", request.to()).put("releaseName", release);
        return binding;
    }

    static ObjectNode update(JsonNode existing, String release) {
        ObjectNode binding = sendable(existing);
        ObjectNode spec = binding.path("spec") instanceof ObjectNode s ? s : binding.putObject("spec");
        spec.put("releaseName", release);
        if (UNDEPLOY.equals(spec.path("state").asText())) {
            spec.put("state", ACTIVE);
        }
        return binding;
    }

    /** Whether the binding already runs the release: bound to it and not undeployed. */
    static boolean runs(JsonNode binding, String release) {
        JsonNode spec = binding.path("spec");
        return release.equals(spec.path("releaseName").asText()) && !UNDEPLOY.equals(spec.path("state").asText());
    }

    /** What the binding reads without its read-only parts: what an unchanged promotion reports as sent. */
    static ObjectNode sendable(JsonNode binding) {
        ObjectNode copy = binding.deepCopy();
        copy.remove("apiVersion");
        copy.remove("kind");
        copy.remove("status");
        return copy;
    }
}
