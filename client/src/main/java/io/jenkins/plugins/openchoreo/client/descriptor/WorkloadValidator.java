package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import java.util.List;

/**
 * Checks a whole Workload document against the CRD's rules before it is sent, so a mistake is
 * reported with every field at once instead of as the server's first 422.
 */
public final class WorkloadValidator {

    private WorkloadValidator() {}

    /** Every problem of the document (empty when it is valid); {@code where} names it in messages. */
    public static List<FieldError> validate(ObjectNode workloadDoc, String where) {
        Problems problems = new Problems(where, true);
        JsonNode spec = workloadDoc.path("spec");
        Rules.required(problems, "spec.owner.projectName", text(spec.path("owner").path("projectName")), "default");
        Rules.required(problems, "spec.owner.componentName", text(spec.path("owner").path("componentName")),
                "greeter");
        JsonNode container = spec.path("container");
        Rules.required(problems, "spec.container.image", text(container.path("image")), "registry.example.com/app:1");
        for (YamlMapping.Item env : YamlMapping.items(container.path("env"), "spec.container.env", problems)) {
            Rules.required(problems, env.path() + ".key", text(env.node().path("key")), "LOG_LEVEL");
            valueOrValueFrom(problems, env);
        }
        for (YamlMapping.Item file : YamlMapping.items(container.path("files"), "spec.container.files", problems)) {
            Rules.required(problems, file.path() + ".key", text(file.node().path("key")), "app.json");
            Rules.required(problems, file.path() + ".mountPath", text(file.node().path("mountPath")), "/etc/config");
            valueOrValueFrom(problems, file);
        }
        if (spec.has("endpoints")) {
            YamlMapping.entries(spec.path("endpoints"), "spec.endpoints", problems).ifPresent(endpoints -> endpoints
                    .forEach((name, endpoint) -> endpoint(problems, "spec.endpoints." + name, endpoint)));
        }
        dependencies(problems, spec.path("dependencies"));
        return problems.errors();
    }

    private static void valueOrValueFrom(Problems problems, YamlMapping.Item entry) {
        JsonNode valueFrom = entry.node().path("valueFrom");
        if (entry.node().has("value") && !valueFrom.isMissingNode()) {
            problems.error(entry.path() + ".valueFrom", Rules.EXCLUSIVE);
        }
        JsonNode ref = valueFrom.path("secretKeyRef");
        if (!ref.isMissingNode()) {
            Rules.secretKeyRef(problems, entry.path() + ".valueFrom.secretKeyRef", text(ref.path("name")),
                    text(ref.path("key")));
        }
    }

    private static void endpoint(Problems problems, String path, JsonNode endpoint) {
        Rules.port(problems, path + ".port", endpoint.path("port"), true);
        Rules.port(problems, path + ".targetPort", endpoint.path("targetPort"), false);
        Rules.oneOf(problems, path + ".type", text(endpoint.path("type")), Rules.ENDPOINT_TYPES);
        Rules.endpointVisibility(problems, path + ".visibility", endpoint.path("visibility"));
    }

    private static void dependencies(Problems problems, JsonNode dependencies) {
        String path = "spec.dependencies.endpoints";
        List<YamlMapping.Item> endpoints = YamlMapping.items(dependencies.path("endpoints"), path, problems);
        Rules.atMostFifty(problems, path, endpoints.size());
        for (YamlMapping.Item item : endpoints) {
            JsonNode endpoint = item.node();
            Rules.required(problems, item.path() + ".component", text(endpoint.path("component")), "postgres");
            Rules.required(problems, item.path() + ".name", text(endpoint.path("name")), "api");
            Rules.oneOf(problems, item.path() + ".visibility", text(endpoint.path("visibility")),
                    Rules.DEPENDENCY_VISIBILITIES, Rules.DEPENDENCY_VISIBILITY_HINT);
            bindings(problems, item.path() + ".envBindings", endpoint.path("envBindings"), true);
        }
        path = "spec.dependencies.resources";
        List<YamlMapping.Item> resources = YamlMapping.items(dependencies.path("resources"), path, problems);
        Rules.atMostFifty(problems, path, resources.size());
        for (YamlMapping.Item item : resources) {
            Rules.required(problems, item.path() + ".ref", text(item.node().path("ref")), "cache");
            bindings(problems, item.path() + ".envBindings", item.node().path("envBindings"), false);
            bindings(problems, item.path() + ".fileBindings", item.node().path("fileBindings"), false);
        }
    }

    private static void bindings(Problems problems, String path, JsonNode bindings, boolean required) {
        if (bindings.isMissingNode()) {
            if (required) {
                problems.error(path, "is required (e.g. address: DB_URL)");
            }
            return;
        }
        YamlMapping.entries(bindings, path, problems).ifPresent(entries -> Rules.bindings(problems, path, entries));
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

}
