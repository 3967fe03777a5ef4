package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import io.jenkins.plugins.openchoreo.client.rules.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The step's (or the command line's) env, endpoints, files and dependencies arguments, written in
 * the descriptor's own forms and read by the same code, into one {@link WorkloadOverlay}. File
 * paths here are relative to the repository root. Problems of all arguments are reported at once.
 */
public final class OverlayArguments {

    private OverlayArguments() {}

    /**
     * @param env {@code KEY=value} entries (the value may contain '=')
     * @param endpoints YAML or JSON: a list like the descriptor's {@code endpoints:}
     * @param files YAML: a list like the descriptor's {@code configurations.files:}
     * @param dependencies YAML: a mapping like the descriptor's {@code dependencies:}
     */
    public static WorkloadOverlay parse(List<String> env, String endpoints, String files, String dependencies,
            WorkspaceFiles workspace) {
        List<Conversion> conversions = List.of(
                env(env, workspace),
                yaml("endpoints", endpoints, workspace, EndpointsConversion::convert),
                yaml("files", files, workspace, ConfigurationsConversion::files),
                yaml("dependencies", dependencies, workspace, DependenciesConversion::convert));
        List<FieldError> errors = new ArrayList<>();
        WorkloadOverlay overlay = WorkloadOverlay.empty();
        for (Conversion conversion : conversions) {
            errors.addAll(conversion.problems().errors());
            overlay = conversion.overlay().over(overlay);
        }
        if (!errors.isEmpty()) {
            throw Problems.exception(ErrorCode.INVALID_ARGUMENT, "The arguments", errors);
        }
        return overlay;
    }

    /** How a descriptor section is read: into a conversion, from a node, at a path. */
    private interface Section {
        void convert(Conversion conversion, JsonNode node, String path);
    }

    /** An argument in YAML, read by the descriptor's code for the same section; unknown keys are errors here. */
    private static Conversion yaml(String name, String text, WorkspaceFiles workspace, Section section) {
        Conversion conversion = new Conversion(new Problems(name, true), workspace, "");
        if (text != null && !text.isBlank()) {
            try {
                section.convert(conversion, YamlDocument.parse(text), name);
            } catch (YamlDocument.SyntaxError e) {
                conversion.problems().error(e.position(), e.getMessage());
            }
        }
        return conversion;
    }

    private static Conversion env(List<String> entries, WorkspaceFiles workspace) {
        Conversion conversion = new Conversion(new Problems("env", true), workspace, "");
        if (entries == null) {
            return conversion;
        }
        Problems problems = conversion.problems();
        for (int i = 0; i < entries.size(); i++) {
            String field = "env[" + i + "]";
            String entry = entries.get(i);
            int equals = entry == null ? -1 : entry.indexOf('=');
            if (equals < 0) {
                problems.error(field, "\"" + (entry == null ? "" : Names.printable(entry))
                        + "\" is not KEY=value (e.g. LOG_LEVEL=debug)");
                continue;
            }
            String key = entry.substring(0, equals);
            String value = entry.substring(equals + 1);
            Rules.envName(problems, field, key);
            ObjectNode env = JsonNodeFactory.instance.objectNode().put("key", key);
            if (!value.isEmpty()) {
                env.put("value", value);
            }
            conversion.add(EntryKind.ENV, env, field, "env \"" + key + "\"");
        }
        return conversion;
    }
}
