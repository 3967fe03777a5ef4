package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The descriptor's {@code configurations.env} and {@code configurations.files} lists, turned into
 * the container's env and files: {@code name} becomes {@code key}; a secretKeyRef wins over a file
 * to inline ({@code valueFrom.path}), which wins over a literal value.
 */
final class ConfigurationsConversion {

    private ConfigurationsConversion() {}

    static void env(Conversion conversion, JsonNode list, String path) {
        YamlMapping.forEachMapping(list, path, conversion.problems(), env -> envEntry(conversion, env),
                "name", "value", "valueFrom");
    }

    static void files(Conversion conversion, JsonNode list, String path) {
        YamlMapping.forEachMapping(list, path, conversion.problems(), file -> fileEntry(conversion, file),
                "name", "mountPath", "value", "valueFrom");
    }

    private static void envEntry(Conversion conversion, YamlMapping yaml) {
        Problems problems = conversion.problems();
        String key = yaml.text("name");
        Rules.envName(problems, yaml.path("name"), key);
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("key", key);
        String value = valueUnlessExclusive(problems, yaml);
        Optional<YamlMapping> from = yaml.mapping("valueFrom", "secretKeyRef", "path");
        from.ifPresent(valueFrom -> {
            if (valueFrom.has("path")) {
                problems.error(valueFrom.path("path"), "env entries do not read files: use configurations.files "
                        + "to mount a file, or valueFrom.secretKeyRef");
            } else {
                secretKeyRef(conversion, valueFrom, "an env entry's valueFrom holds secretKeyRef: {name, key}")
                        .ifPresent(ref -> entry.putObject("valueFrom").set("secretKeyRef", ref));
            }
        });
        if (from.isEmpty() && !value.isEmpty()) {
            entry.put("value", value);
        }
        if (key != null) {
            conversion.add(EntryKind.ENV, entry, yaml.path("name"), "env \"" + key + "\"");
        }
    }

    private static void fileEntry(Conversion conversion, YamlMapping yaml) {
        Problems problems = conversion.problems();
        String key = yaml.text("name");
        Rules.required(problems, yaml.path("name"), key, "app.json");
        String mountPath = yaml.text("mountPath");
        Rules.required(problems, yaml.path("mountPath"), mountPath, "/etc/config");
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("key", key).put("mountPath", mountPath);
        String value = valueUnlessExclusive(problems, yaml);
        Optional<YamlMapping> from = yaml.mapping("valueFrom", "secretKeyRef", "path");
        from.ifPresent(valueFrom -> {
            if (valueFrom.has("secretKeyRef")) {
                if (valueFrom.has("path")) {
                    problems.warn(valueFrom.path("path"), "ignored: secretKeyRef takes precedence");
                }
                secretKeyRef(conversion, valueFrom, "")
                        .ifPresent(ref -> entry.putObject("valueFrom").set("secretKeyRef", ref));
            } else if (valueFrom.has("path")) {
                String file = valueFrom.text("path");
                if (file != null) {
                    conversion.fileText(file, valueFrom.path("path")).ifPresent(text -> entry.put("value", text));
                }
            } else {
                problems.error(valueFrom.path("path"), "is required in valueFrom: a file to inline (path, relative "
                        + "to the descriptor's folder) or a secretKeyRef: {name, key}");
            }
        });
        if (from.isEmpty() && !value.isEmpty()) {
            entry.put("value", value);
        }
        if (key != null) {
            conversion.add(EntryKind.FILES, entry, yaml.path("name"), "file \"" + key + "\"");
        }
    }

    /** The literal value ("" when none); reports a value written beside a valueFrom. */
    private static String valueUnlessExclusive(Problems problems, YamlMapping yaml) {
        String value = yaml.text("value");
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && yaml.has("valueFrom")) {
            problems.error(yaml.path("valueFrom"), Rules.EXCLUSIVE);
        }
        return value;
    }

    private static Optional<ObjectNode> secretKeyRef(Conversion conversion, YamlMapping valueFrom, String hint) {
        if (!valueFrom.has("secretKeyRef")) {
            conversion.problems().error(valueFrom.path("secretKeyRef"), "is required in valueFrom (" + hint + ")");
            return Optional.empty();
        }
        return valueFrom.mapping("secretKeyRef", "name", "key").map(ref -> Rules.secretKeyRef(conversion.problems(),
                valueFrom.path("secretKeyRef"), ref.text("name"), ref.text("key")));
    }
}
