package io.jenkins.plugins.openchoreo.client.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The CRD's rules over a whole Workload document. */
class WorkloadValidatorTest {

    private static ObjectNode json(String text) throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(text);
    }

    @Test
    void aCompleteWorkloadIsValid() throws IOException {
        ObjectNode doc = json("""
                {"metadata": {"name": "greeter-workload"},
                 "spec": {"owner": {"projectName": "default", "componentName": "greeter"},
                  "container": {"image": "registry.example.com/greeter:42",
                   "env": [{"key": "LOG_LEVEL", "value": "info"},
                           {"key": "DB_PW", "valueFrom": {"secretKeyRef": {"name": "db", "key": "pw"}}}],
                   "files": [{"key": "app.json", "mountPath": "/etc/cfg", "value": "{}"}]},
                  "endpoints": {"api": {"type": "HTTP", "port": 9090, "targetPort": 9090, "visibility": ["external"]}},
                  "dependencies": {"endpoints": [{"component": "pg", "name": "api", "visibility": "project",
                                                  "project": "p2", "envBindings": {"host": "DB_HOST"}}],
                                   "resources": [{"ref": "cache", "envBindings": {"url": "CACHE_URL"},
                                                  "fileBindings": {"ca": "/etc/ca.pem"}}]}}}
                """);

        assertThat(WorkloadValidator.validate(doc, "Workload greeter-workload")).isEmpty();
        assertThat(WorkloadValidator.validate(Workload.minimal("w", "p", "c", "i").toJson(), "w")).isEmpty();
    }

    @Test
    void everyBrokenRuleIsReported() throws IOException {
        ObjectNode doc = json("""
                {"metadata": {"name": "w"},
                 "spec": {"owner": {"projectName": ""},
                  "container": {
                   "env": [{"value": "x"}, {"key": "A", "value": "x", "valueFrom": {"secretKeyRef": {"name": "s"}}}],
                   "files": [{"key": "f"}, {"key": "g", "mountPath": "/g", "value": "v", "valueFrom": {}}]},
                  "endpoints": {"api": {"type": "FTP", "port": 0, "targetPort": 65536, "visibility": ["world"]},
                                "tcp": {"type": "TCP"}},
                  "dependencies": {"endpoints": [{"visibility": "external", "envBindings": {"host": ""}},
                                                 {"component": "c", "name": "n", "visibility": "project"}],
                                   "resources": [{"envBindings": "x"}]}}}
                """);

        assertThat(WorkloadValidator.validate(doc, "Workload w")).allSatisfy(e -> assertThat(e.where())
                .isEqualTo("Workload w")).extracting(FieldError::field).containsExactly(
                        "spec.owner.projectName", "spec.owner.componentName", "spec.container.image",
                        "spec.container.env[0].key",
                        "spec.container.env[1].valueFrom", "spec.container.env[1].valueFrom.secretKeyRef.key",
                        "spec.container.files[0].mountPath",
                        "spec.container.files[1].valueFrom",
                        "spec.endpoints.api.port", "spec.endpoints.api.targetPort", "spec.endpoints.api.type",
                        "spec.endpoints.api.visibility[0]",
                        "spec.endpoints.tcp.port",
                        "spec.dependencies.endpoints[0].component", "spec.dependencies.endpoints[0].name",
                        "spec.dependencies.endpoints[0].visibility", "spec.dependencies.endpoints[0].envBindings.host",
                        "spec.dependencies.endpoints[1].envBindings",
                        "spec.dependencies.resources[0].ref", "spec.dependencies.resources[0].envBindings");
    }

    @Test
    void moreThanFiftyDependenciesAreRefused() throws IOException {
        ObjectNode doc = Workload.minimal("w", "p", "c", "i").toJson();
        ObjectNode dependencies = ((ObjectNode) doc.path("spec")).putObject("dependencies");
        for (int i = 0; i < 51; i++) {
            dependencies.withArray("endpoints").addObject().put("component", "c" + i).put("name", "n")
                    .put("visibility", "project").putObject("envBindings").put("address", "A" + i);
            dependencies.withArray("resources").addObject().put("ref", "r" + i);
        }

        assertThat(WorkloadValidator.validate(doc, "w")).extracting(FieldError::toString).containsExactly(
                "w: spec.dependencies.endpoints: has 51 entries; at most 50 are allowed",
                "w: spec.dependencies.resources: has 51 entries; at most 50 are allowed");
    }

    @Test
    void partsOfTheWrongShapeAreReported() throws IOException {
        ObjectNode doc = json("""
                {"spec": {"owner": {"projectName": "p", "componentName": "c"},
                  "container": {"image": ["i"], "env": {"A": "1"}},
                  "endpoints": ["api"]}}
                """);

        assertThat(WorkloadValidator.validate(doc, "w")).extracting(FieldError::toString).containsExactly(
                "w: spec.container.image: is required (e.g. registry.example.com/app:1)",
                "w: spec.container.env: must be a list (- item), not a mapping",
                "w: spec.endpoints: must be a mapping (key: value), not a list");
    }
}
