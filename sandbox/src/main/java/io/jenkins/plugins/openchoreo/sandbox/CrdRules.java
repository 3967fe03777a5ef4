package io.jenkins.plugins.openchoreo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Workload CRD's schema as the API server applies it: unknown fields pruned, then the
 * validation rules, each failure as {@code field: message} like Kubernetes writes them.
 */
final class CrdRules {

    static final Set<String> ENDPOINT_TYPES = Set.of("HTTP", "gRPC", "GraphQL", "Websocket", "TCP", "UDP");
    static final Set<String> VISIBILITIES = Set.of("project", "namespace", "internal", "external");
    static final Set<String> DEPENDENCY_VISIBILITIES = Set.of("project", "namespace");
    static final int MAX_DEPENDENCIES = 50;

    /** The fields the CRD knows, by object path; everything else is dropped, as Kubernetes prunes. */
    private static final Map<String, Set<String>> KNOWN = Map.ofEntries(
            Map.entry("spec", Set.of("owner", "container", "endpoints", "dependencies")),
            Map.entry("spec.owner", Set.of("projectName", "componentName")),
            Map.entry("spec.container", Set.of("image", "command", "args", "env", "files")),
            Map.entry("env", Set.of("key", "value", "valueFrom")),
            Map.entry("files", Set.of("key", "mountPath", "value", "valueFrom")),
            Map.entry("endpoint",
                    Set.of("type", "port", "targetPort", "visibility", "basePath", "displayName", "schema")),
            Map.entry("spec.dependencies", Set.of("endpoints", "resources")));

    private CrdRules() {
    }

    record Cause(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    static void prune(ObjectNode spec) {
        retain(spec, KNOWN.get("spec"));
        retain(spec.path("owner"), KNOWN.get("spec.owner"));
        JsonNode container = spec.path("container");
        retain(container, KNOWN.get("spec.container"));
        container.path("env").forEach(e -> retain(e, KNOWN.get("env")));
        container.path("files").forEach(f -> retain(f, KNOWN.get("files")));
        spec.path("endpoints").forEach(e -> retain(e, KNOWN.get("endpoint")));
        retain(spec.path("dependencies"), KNOWN.get("spec.dependencies"));
    }

    /** The CRD's defaults, as the API server fills them in on write: an endpoint's targetPort is its port. */
    static void applyDefaults(ObjectNode spec) {
        spec.path("endpoints").forEach(endpoint -> {
            if (endpoint instanceof ObjectNode e && !e.has("targetPort") && e.has("port")) {
                e.set("targetPort", e.get("port"));
            }
        });
    }

    private static void retain(JsonNode node, Set<String> names) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
                if (!names.contains(it.next())) {
                    it.remove();
                }
            }
        }
    }

    static List<Cause> validate(JsonNode spec) {
        List<Cause> causes = new ArrayList<>();
        required(causes, spec.path("owner").path("projectName"), "spec.owner.projectName");
        required(causes, spec.path("owner").path("componentName"), "spec.owner.componentName");
        JsonNode container = spec.path("container");
        required(causes, container.path("image"), "spec.container.image");
        values(causes, container.path("env"), "spec.container.env", false);
        values(causes, container.path("files"), "spec.container.files", true);
        spec.path("endpoints").fields().forEachRemaining(e -> endpoint(causes, e.getValue(),
                "spec.endpoints[" + e.getKey() + "]"));
        dependencies(causes, spec.path("dependencies"));
        return causes;
    }

    private static void values(List<Cause> causes, JsonNode list, String path, boolean files) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = path + "[" + i + "]";
            required(causes, item.path("key"), at + ".key");
            if (files) {
                required(causes, item.path("mountPath"), at + ".mountPath");
            }
            if (item.has("value") && item.has("valueFrom")) {
                causes.add(new Cause(at, "Invalid value: \"object\": value and valueFrom are mutually exclusive"));
            }
            JsonNode ref = item.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                required(causes, ref.path("name"), at + ".valueFrom.secretKeyRef.name");
                required(causes, ref.path("key"), at + ".valueFrom.secretKeyRef.key");
            }
        }
    }

    private static void endpoint(List<Cause> causes, JsonNode endpoint, String at) {
        if (!ENDPOINT_TYPES.contains(endpoint.path("type").asText())) {
            causes.add(new Cause(at + ".type", "Unsupported value: \"" + endpoint.path("type").asText()
                    + "\": supported values: \"HTTP\", \"gRPC\", \"GraphQL\", \"Websocket\", \"TCP\", \"UDP\""));
        }
        port(causes, endpoint.path("port"), at + ".port", true);
        port(causes, endpoint.path("targetPort"), at + ".targetPort", false);
        endpoint.path("visibility").forEach(v -> {
            if (!VISIBILITIES.contains(v.asText())) {
                causes.add(new Cause(at + ".visibility", "Unsupported value: \"" + v.asText()
                        + "\": supported values: \"project\", \"namespace\", \"internal\", \"external\""));
            }
        });
    }

    private static void port(List<Cause> causes, JsonNode port, String at, boolean required) {
        if (port.isMissingNode() && !required) {
            return;
        }
        if (!port.canConvertToInt() || port.asInt() < 1 || port.asInt() > 65535) {
            causes.add(new Cause(at, port.isMissingNode() ? "Required value"
                    : "Invalid value: " + port + ": must be between 1 and 65535"));
        }
    }

    private static void dependencies(List<Cause> causes, JsonNode dependencies) {
        JsonNode endpoints = dependencies.path("endpoints");
        JsonNode resources = dependencies.path("resources");
        tooMany(causes, endpoints, "spec.dependencies.endpoints");
        tooMany(causes, resources, "spec.dependencies.resources");
        for (int i = 0; i < endpoints.size(); i++) {
            JsonNode d = endpoints.get(i);
            String at = "spec.dependencies.endpoints[" + i + "]";
            required(causes, d.path("component"), at + ".component");
            required(causes, d.path("name"), at + ".name");
            if (!DEPENDENCY_VISIBILITIES.contains(d.path("visibility").asText())) {
                causes.add(new Cause(at + ".visibility", d.has("visibility") ? "Unsupported value: \""
                        + d.path("visibility").asText() + "\": supported values: \"project\", \"namespace\""
                        : "Required value"));
            }
            if (!d.path("envBindings").isObject()) {
                causes.add(new Cause(at + ".envBindings", "Required value"));
            }
        }
        for (int i = 0; i < resources.size(); i++) {
            required(causes, resources.get(i).path("ref"), "spec.dependencies.resources[" + i + "].ref");
        }
    }

    private static void tooMany(List<Cause> causes, JsonNode list, String at) {
        if (list.size() > MAX_DEPENDENCIES) {
            causes.add(
                    new Cause(at, "Too many: " + list.size() + ": must have at most " + MAX_DEPENDENCIES + " items"));
        }
    }

    private static void required(List<Cause> causes, JsonNode value, String at) {
        if (!value.isTextual() || value.asText().isEmpty()) {
            causes.add(new Cause(at, "Required value"));
        }
    }
}
