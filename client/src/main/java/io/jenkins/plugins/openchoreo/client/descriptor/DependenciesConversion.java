package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The descriptor's {@code dependencies:} mapping, copied in the Workload's shape: endpoints of other
 * components (identified by component, name and project) and resources (identified by ref).
 */
final class DependenciesConversion {

    private DependenciesConversion() {}

    static void convert(Conversion conversion, JsonNode node, String path) {
        Problems problems = conversion.problems();
        YamlMapping.of(node, path, problems, "endpoints", "resources").ifPresent(dependencies -> {
            int endpoints = YamlMapping.forEachMapping(dependencies.node("endpoints"), dependencies.path("endpoints"),
                    problems, endpoint -> endpoint(conversion, endpoint),
                    "component", "name", "visibility", "project", "envBindings");
            Rules.atMostFifty(problems, dependencies.path("endpoints"), endpoints);
            int resources = YamlMapping.forEachMapping(dependencies.node("resources"), dependencies.path("resources"),
                    problems, resource -> resource(conversion, resource), "ref", "envBindings", "fileBindings");
            Rules.atMostFifty(problems, dependencies.path("resources"), resources);
        });
    }

    private static void endpoint(Conversion conversion, YamlMapping yaml) {
        Problems problems = conversion.problems();
        String component = yaml.text("component");
        Rules.name(problems, yaml.path("component"), "component", component);
        String name = yaml.text("name");
        Rules.name(problems, yaml.path("name"), "endpoint name", name);
        String visibility = yaml.text("visibility");
        Rules.oneOf(problems, yaml.path("visibility"), visibility, Rules.DEPENDENCY_VISIBILITIES,
                Rules.DEPENDENCY_VISIBILITY_HINT);
        String project = yaml.text("project");
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("component", component).put("name", name)
                .put("visibility", visibility);
        if (project != null) {
            Rules.name(problems, yaml.path("project"), "project", project);
            entry.put("project", project);
        }
        if (!yaml.has("envBindings")) {
            problems.error(yaml.path("envBindings"), "is required: a mapping from address, host, port or basePath "
                    + "to an environment variable name (e.g. address: DB_URL)");
        }
        yaml.mapping("envBindings", "address", "host", "port", "basePath").ifPresent(bindings -> entry
                .set("envBindings", Rules.bindings(problems, yaml.path("envBindings"), bindings.values())));
        conversion.add(EntryKind.DEPENDENCY_ENDPOINTS, entry, yaml.path("name"),
                "dependency on endpoint \"" + name + "\" of component \"" + component + "\"");
    }

    private static void resource(Conversion conversion, YamlMapping yaml) {
        Problems problems = conversion.problems();
        String ref = yaml.text("ref");
        Rules.name(problems, yaml.path("ref"), "resource ref", ref);
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("ref", ref);
        for (String field : List.of("envBindings", "fileBindings")) {
            if (yaml.has(field)) {
                YamlMapping.entries(yaml.node(field), yaml.path(field), problems)
                        .ifPresent(bindings -> entry.set(field, Rules.bindings(problems, yaml.path(field), bindings)));
            }
        }
        conversion.add(EntryKind.DEPENDENCY_RESOURCES, entry, yaml.path("ref"), "resource \"" + ref + "\"");
    }
}
