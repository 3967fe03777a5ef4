package io.jenkins.plugins.openchoreo.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Workload as it looks after the platform and other tools have worked on it: command, env,
 * files, endpoints, dependencies, a team label, annotations, and the server's owner labels.
 * {@link #FIELDS} names the parts an image update must keep.
 */
final class RichWorkload {

    static final String OLD_IMAGE = "registry.example.com/bench/rich:1";

    /** Row label → JSON pointer of each field whose survival is checked. */
    static final Map<String, String> FIELDS = fields();

    private static final ObjectMapper JSON = new ObjectMapper();

    private RichWorkload() {
    }

    static ObjectNode of(String name, String project, String component) {
        String text = """
                {"metadata":{"name":"%s",
                  "labels":{"team":"payments","openchoreo.dev/tier":"backend"},
                  "annotations":{"openchoreo.dev/release":"rel-7","example.com/runbook":"https://runbooks.example.com/r"}},
                 "spec":{"owner":{"projectName":"%s","componentName":"%s"},
                  "container":{"image":"%s","command":["/app"],"args":["--port","9090"],
                    "env":[{"key":"LOG_LEVEL","value":"info"},
                           {"key":"DB_PW","valueFrom":{"secretKeyRef":{"name":"db","key":"pw"}}}],
                    "files":[{"key":"app.json","mountPath":"/etc/cfg","value":"{}"}]},
                  "endpoints":{"api":{"type":"HTTP","port":9090,"targetPort":9090,"visibility":["external"],
                    "basePath":"/api"}},
                  "dependencies":{"endpoints":[{"component":"pg","name":"api","visibility":"project",
                    "envBindings":{"host":"DB_HOST","port":"DB_PORT"}}],
                    "resources":[{"ref":"cache","envBindings":{"url":"CACHE_URL"}}]}}}
                """.formatted(name, project, component, OLD_IMAGE);
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "kept" when the field equals the seeded one, else "lost". */
    static String survival(JsonNode seeded, JsonNode after, String pointer) {
        JsonNode before = seeded.at(pointer);
        return !after.at(pointer).isMissingNode() && after.at(pointer).equals(before) ? "kept" : "**lost**";
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("container command, args", "/spec/container/command");
        fields.put("container env (value and secretKeyRef)", "/spec/container/env");
        fields.put("container files", "/spec/container/files");
        fields.put("endpoints", "/spec/endpoints");
        fields.put("dependencies", "/spec/dependencies");
        fields.put("label team", "/metadata/labels/team");
        fields.put("label openchoreo.dev/tier", "/metadata/labels/openchoreo.dev~1tier");
        fields.put("annotation openchoreo.dev/release", "/metadata/annotations/openchoreo.dev~1release");
        fields.put("annotation example.com/runbook", "/metadata/annotations/example.com~1runbook");
        return java.util.Collections.unmodifiableMap(fields);
    }
}
