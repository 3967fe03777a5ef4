package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.rules.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Workload CRD's rules, each written once and used by the descriptor reader, the argument
 * parser and the check of a whole Workload before it is sent. Each reports into {@link Problems}
 * with the field's path and says what is allowed.
 */
final class Rules {

    static final List<String> ENDPOINT_TYPES = List.of("HTTP", "gRPC", "GraphQL", "Websocket", "TCP", "UDP");
    static final List<String> ENDPOINT_VISIBILITIES = List.of("project", "namespace", "internal", "external");
    static final List<String> DEPENDENCY_VISIBILITIES = List.of("project", "namespace");
    static final int MAX_ENTRIES = 50;
    static final String ENDPOINT_VISIBILITY_HINT = "An endpoint's visibility is a list of project, namespace, "
            + "internal and external (project is always implied), e.g. visibility: [external].";
    static final String DEPENDENCY_VISIBILITY_HINT = "A dependency's visibility is project (the component is in "
            + "the same project) or namespace.";
    static final String EXCLUSIVE = "value and valueFrom are mutually exclusive";

    // Kubernetes' rule for environment variable names.
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    private Rules() {}

    /** True when present and not empty; otherwise reports it as required. */
    static boolean required(Problems problems, String field, String value, String example) {
        if (value == null || value.isEmpty()) {
            problems.error(field, "is required (e.g. " + example + ")");
            return false;
        }
        return true;
    }

    /** A required OpenChoreo name (component, endpoint, project, ref). */
    static void name(Problems problems, String field, String what, String value) {
        Names.problem(what, value).ifPresent(message -> problems.error(field, message, Names.HINT));
    }

    /** A required environment variable name. */
    static void envName(Problems problems, String field, String value) {
        if (required(problems, field, value, "LOG_LEVEL") && !ENV_NAME.matcher(value).matches()) {
            problems.error(field, "\"" + Names.printable(value) + "\" is not a valid environment variable name: "
                    + "use letters, digits, '_', '-' or '.', not starting with a digit (e.g. LOG_LEVEL)");
        }
    }

    /** A port number 1–65535, or null (reported when required or malformed). */
    static Integer port(Problems problems, String field, JsonNode node, boolean required) {
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                problems.error(field, "is required: a port number from 1 to 65535 (e.g. 8080)");
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1 || node.intValue() > 65535) {
            problems.error(field, YamlMapping.describe(node) + " is not a port: use a whole number from 1 to 65535");
            return null;
        }
        return node.intValue();
    }

    /** A value from a fixed list, matched exactly. */
    static void oneOf(Problems problems, String field, String value, List<String> allowed) {
        oneOf(problems, field, value, allowed, null);
    }

    /** A value from a fixed list, matched exactly, with the hint for a value outside it. */
    static void oneOf(Problems problems, String field, String value, List<String> allowed, String hint) {
        if (required(problems, field, value, allowed.get(0)) && !allowed.contains(value)) {
            problems.error(field, "\"" + Names.printable(value) + "\" is not allowed: use one of " + allowed, hint);
        }
    }

    /** An endpoint's visibility list, duplicates dropped (the CRD treats it as a set); null when absent. */
    static List<String> endpointVisibility(Problems problems, String field, JsonNode node) {
        List<YamlMapping.Item> items = YamlMapping.items(node, field, problems);
        if (items.isEmpty()) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (YamlMapping.Item item : items) {
            String value = item.node().isValueNode() ? item.node().asText() : YamlMapping.describe(item.node());
            oneOf(problems, item.path(), value, ENDPOINT_VISIBILITIES, ENDPOINT_VISIBILITY_HINT);
            values.add(value);
        }
        return new ArrayList<>(values);
    }

    /** At most {@link #MAX_ENTRIES} entries in a list or map. */
    static void atMostFifty(Problems problems, String field, int size) {
        if (size > MAX_ENTRIES) {
            problems.error(field, "has " + size + " entries; at most " + MAX_ENTRIES + " are allowed");
        }
    }

    /** A secretKeyRef with non-empty name and key, as the Workload writes it. */
    static ObjectNode secretKeyRef(Problems problems, String field, String name, String key) {
        required(problems, field + ".name", name, "the Secret's name, e.g. db-credentials");
        required(problems, field + ".key", key, "the key inside the Secret, e.g. password");
        return JsonNodeFactory.instance.objectNode().put("name", name).put("key", key);
    }

    /** A binding map (env or file bindings): at most 50 entries, no empty key or value. */
    static ObjectNode bindings(Problems problems, String field, Map<String, JsonNode> entries) {
        atMostFifty(problems, field, entries.size());
        ObjectNode bindings = JsonNodeFactory.instance.objectNode();
        entries.forEach((key, value) -> {
            String entryField = field + "." + key;
            if (key.isEmpty()) {
                problems.error(field, "has an empty key");
            } else if (!value.isValueNode() || value.isNull() || value.asText().isEmpty()) {
                problems.error(entryField, "must be a non-empty value (e.g. DB_HOST)");
            } else {
                bindings.put(key, value.asText());
            }
        });
        return bindings;
    }

    /** The schema type OpenChoreo records for an endpoint type; null for TCP, UDP and Websocket. */
    static String schemaType(String endpointType) {
        return switch (endpointType) {
            case "HTTP" -> "openapi";
            case "gRPC" -> "proto";
            case "GraphQL" -> "graphql";
            default -> null;
        };
    }
}
