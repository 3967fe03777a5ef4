package io.jenkins.plugins.openchoreo.client.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What an update changes, in the terms a user thinks in: the image, endpoints, env, files,
 * dependencies, labels and annotations. Only what a PUT replaces is compared (spec, labels,
 * annotations), so server-side fields such as status or timestamps never count as a change.
 */
final class WorkloadDiff {

    private WorkloadDiff() {}

    /** Whether a PUT of {@code after} would change {@code before} (missing and empty maps are alike). */
    static boolean same(Workload before, Workload after) {
        return withDefaults(before.toJson()).path("spec").equals(withDefaults(after.toJson()).path("spec"))
                && before.labels().equals(after.labels())
                && before.annotations().equals(after.annotations());
    }

    /**
     * One line per kind of change; empty when nothing changes. A new Workload ({@code before} null)
     * is described against an empty one, so its summary names everything it brings, not only the image.
     */
    static List<String> describe(Workload before, Workload after) {
        List<String> changes = new ArrayList<>();
        if (before == null) {
            changes.add("image: " + after.image());
            entries(changes, Json.object(), withDefaults(after.toJson()));
            return changes;
        }
        if (!java.util.Objects.equals(before.image(), after.image())) {
            changes.add("image: " + before.image() + " → " + after.image());
        }
        ObjectNode a = withDefaults(before.toJson());
        ObjectNode b = withDefaults(after.toJson());
        entries(changes, a, b);
        // a and b are private copies: what is left of their specs after the fields reported above.
        List<String> other = otherFields(rest(Workload.object(a, "spec")), rest(Workload.object(b, "spec")));
        if (!other.isEmpty()) {
            changes.add("other spec fields: " + String.join(", ", other));
        }
        return changes;
    }

    /** The keyed entries: endpoints, env, files, dependencies, labels and annotations. */
    private static void entries(List<String> changes, ObjectNode a, ObjectNode b) {
        keyed(changes, "endpoints", a.path("spec").path("endpoints"), b.path("spec").path("endpoints"), null);
        keyed(changes, "env", container(a, "env"), container(b, "env"), e -> e.path("key").asText());
        keyed(changes, "files", container(a, "files"), container(b, "files"), e -> e.path("key").asText());
        keyed(changes, "dependency endpoints", a.path("spec").path("dependencies").path("endpoints"),
                b.path("spec").path("dependencies").path("endpoints"),
                e -> e.path("project").asText("") + "/" + e.path("component").asText() + "/" + e.path("name").asText());
        keyed(changes, "dependency resources", a.path("spec").path("dependencies").path("resources"),
                b.path("spec").path("dependencies").path("resources"), e -> e.path("ref").asText());
        keyed(changes, "labels", a.path("metadata").path("labels"), b.path("metadata").path("labels"), null);
        keyed(changes, "annotations", a.path("metadata").path("annotations"), b.path("metadata").path("annotations"),
                null);
    }

    /** The names of the differing fields, sorted: spec fields by name, the container's as container.name. */
    private static List<String> otherFields(ObjectNode a, ObjectNode b) {
        Set<String> names = new TreeSet<>();
        differing(names, "", a, b);
        names.remove("container");
        // A missing container and an empty one are alike here: rest() drops a container it emptied.
        differing(names, "container.", a.path("container"), b.path("container"));
        return new ArrayList<>(names);
    }

    private static void differing(Set<String> names, String prefix, JsonNode a, JsonNode b) {
        Set<String> keys = new TreeSet<>(fieldNames(a));
        keys.addAll(fieldNames(b));
        keys.stream().filter(k -> !a.path(k).equals(b.path(k))).forEach(k -> names.add(prefix + k));
    }

    /**
     * The document with the defaults the server fills in (the CRD's {@code targetPort = port}; a
     * dependency's {@code project} is the consumer's), so a Workload sent without them and read
     * back with them does not look changed: no PUT, and no new release, for nothing.
     */
    static ObjectNode withDefaults(ObjectNode doc) {
        doc.path("spec").path("endpoints").forEach(endpoint -> {
            if (endpoint instanceof ObjectNode e && !e.has("targetPort") && e.has("port")) {
                e.set("targetPort", e.get("port"));
            }
        });
        JsonNode project = doc.path("spec").path("owner").path("projectName");
        doc.path("spec").path("dependencies").path("endpoints").forEach(dependency -> {
            if (dependency instanceof ObjectNode d && !d.has("project") && project.isTextual()) {
                d.set("project", project);
            }
        });
        return doc;
    }

    /** The spec without the fields that have their own line (a missing spec counts as an empty one). */
    private static ObjectNode rest(ObjectNode spec) {
        spec.remove(List.of("endpoints", "dependencies"));
        JsonNode container = spec.path("container");
        if (container instanceof ObjectNode c) {
            c.remove(List.of("image", "env", "files"));
            if (c.isEmpty()) {
                spec.remove("container");
            }
        }
        return spec;
    }

    private static JsonNode container(ObjectNode doc, String field) {
        return doc.path("spec").path("container").path(field);
    }

    /** Adds "+ a, - b, ~ c" for entries added, removed and changed, keyed by field name or by {@code key}. */
    private static void keyed(List<String> changes, String what, JsonNode before, JsonNode after,
            Function<JsonNode, String> key) {
        java.util.Map<String, JsonNode> a = index(before, key);
        java.util.Map<String, JsonNode> b = index(after, key);
        Set<String> parts = new LinkedHashSet<>();
        b.keySet().stream().filter(k -> !a.containsKey(k)).sorted().forEach(k -> parts.add("+ " + k));
        a.keySet().stream().filter(k -> !b.containsKey(k)).sorted().forEach(k -> parts.add("- " + k));
        a.keySet().stream().filter(b::containsKey).filter(k -> !a.get(k).equals(b.get(k))).sorted()
                .forEach(k -> parts.add("~ " + k));
        if (!parts.isEmpty()) {
            changes.add(what + ": " + String.join(", ", parts));
        }
    }

    private static java.util.Map<String, JsonNode> index(JsonNode node, Function<JsonNode, String> key) {
        java.util.Map<String, JsonNode> map = new java.util.LinkedHashMap<>();
        if (key == null && node.isObject()) {
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        } else if (key != null && node.isArray()) {
            node.forEach(item -> map.put(key.apply(item), item));
        }
        return map;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
