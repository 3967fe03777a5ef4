package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The descriptor's {@code endpoints:} list, turned into the Workload's endpoint map keyed by name. */
final class EndpointsConversion {

    private static final String[] KEYS = {"name", "port", "type", "targetPort", "basePath", "displayName",
        "visibility", "schemaFile"};

    private EndpointsConversion() {}

    static void convert(Conversion conversion, JsonNode list, String path) {
        YamlMapping.forEachMapping(list, path, conversion.problems(), endpoint -> endpoint(conversion, endpoint), KEYS);
    }

    private static void endpoint(Conversion conversion, YamlMapping yaml) {
        Problems problems = conversion.problems();
        String name = yaml.text("name");
        Rules.name(problems, yaml.path("name"), "endpoint name", name);
        String type = yaml.text("type");
        Rules.oneOf(problems, yaml.path("type"), type, Rules.ENDPOINT_TYPES);
        Integer port = Rules.port(problems, yaml.path("port"), yaml.node("port"), true);
        Integer targetPort = Rules.port(problems, yaml.path("targetPort"), yaml.node("targetPort"), false);
        List<String> visibility = Rules.endpointVisibility(problems, yaml.path("visibility"), yaml.node("visibility"));

        ObjectNode endpoint = JsonNodeFactory.instance.objectNode().put("type", type).put("port", port);
        if (targetPort != null) {
            endpoint.put("targetPort", targetPort);
        }
        if (visibility != null) {
            visibility.forEach(endpoint.putArray("visibility")::add);
        }
        putText(endpoint, "basePath", yaml.text("basePath"));
        putText(endpoint, "displayName", yaml.text("displayName"));
        String schemaFile = yaml.text("schemaFile");
        if (schemaFile != null) {
            conversion.fileText(schemaFile, yaml.path("schemaFile")).ifPresent(content -> {
                ObjectNode schema = endpoint.putObject("schema");
                String schemaType = type == null ? null : Rules.schemaType(type);
                if (schemaType != null) {
                    schema.put("type", schemaType);
                }
                schema.put("content", content);
            });
        }
        if (name != null) {
            conversion.add(EntryKind.ENDPOINTS, name, endpoint, yaml.path("name"), "endpoint \"" + name + "\"");
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
