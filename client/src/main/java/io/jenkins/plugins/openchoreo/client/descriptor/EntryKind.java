package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.model.Workload;

/**
 * The keyed collections of a Workload an overlay can add to, where each lives in the document and
 * what identifies one entry, so that merging replaces "the same" entry and appends new ones.
 */
enum EntryKind {
    ENV("container", "env"),
    FILES("container", "files"),
    ENDPOINTS(null, "endpoints"),
    DEPENDENCY_ENDPOINTS("dependencies", "endpoints"),
    DEPENDENCY_RESOURCES("dependencies", "resources");

    private final String parent;
    private final String field;

    EntryKind(String parent, String field) {
        this.parent = parent;
        this.field = field;
    }

    /** The identity of an entry: env and files by key, dependency endpoints by (component, name, project), resources by ref. */
    String keyOf(JsonNode entry) {
        return switch (this) {
            case ENV, FILES -> entry.path("key").asText("");
            case DEPENDENCY_ENDPOINTS -> entry.path("component").asText("") + '\0' + entry.path("name").asText("")
                    + '\0' + entry.path("project").asText("");
            case DEPENDENCY_RESOURCES -> entry.path("ref").asText("");
            case ENDPOINTS -> throw new IllegalStateException("endpoints are keyed by the name they are stored under");
        };
    }

    /** The object holding this collection in a Workload document, created when missing. */
    ObjectNode holder(ObjectNode doc) {
        ObjectNode spec = Workload.object(doc, "spec");
        return parent == null ? spec : Workload.object(spec, parent);
    }

    String field() {
        return field;
    }
}
