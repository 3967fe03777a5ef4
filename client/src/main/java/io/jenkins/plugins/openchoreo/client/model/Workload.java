package io.jenkins.plugins.openchoreo.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An OpenChoreo Workload as JSON, immutable. The engine keeps the server's whole document,
 * fields it does not know included, so an update never drops what the platform or a person set.
 */
public final class Workload {

    public static final String LABEL_PREFIX = "openchoreo.dev/";

    private final ObjectNode json;

    private Workload(ObjectNode json) {
        this.json = json;
    }

    /** A Workload from a JSON document (copied: later changes to the node do not show here). */
    public static Workload of(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a Workload is a JSON object");
        }
        return new Workload(((ObjectNode) json).deepCopy());
    }

    /** A new Workload with only a name, an owner and an image: what a plain image deploy creates. */
    public static Workload minimal(String name, String project, String component, String image) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("metadata").put("name", name);
        ObjectNode spec = root.putObject("spec");
        spec.putObject("owner").put("projectName", project).put("componentName", component);
        spec.putObject("container").put("image", image);
        return new Workload(root);
    }

    /** A copy of the document, for sending or editing. */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    public String name() {
        return text(json.path("metadata").path("name"));
    }

    public String projectName() {
        return text(json.path("spec").path("owner").path("projectName"));
    }

    public String componentName() {
        return text(json.path("spec").path("owner").path("componentName"));
    }

    public String image() {
        return text(json.path("spec").path("container").path("image"));
    }

    public Map<String, String> labels() {
        return stringMap(json.path("metadata").path("labels"));
    }

    public Map<String, String> annotations() {
        return stringMap(json.path("metadata").path("annotations"));
    }

    /** A changed copy: the editor gets a private copy of the document. */
    public Workload edit(Consumer<ObjectNode> editor) {
        ObjectNode copy = json.deepCopy();
        editor.accept(copy);
        return new Workload(copy);
    }

    /** A copy with another image; everything else kept. */
    public Workload withImage(String image) {
        return edit(doc -> container(doc).put("image", image));
    }

    /** The {@code spec.container} object of a document, created when missing. */
    public static ObjectNode container(ObjectNode doc) {
        return object(object(doc, "spec"), "container");
    }

    /** The named child object, created (or replacing a non-object) when missing. */
    public static ObjectNode object(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        return child instanceof ObjectNode node ? node : parent.putObject(field);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Workload that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json);
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
