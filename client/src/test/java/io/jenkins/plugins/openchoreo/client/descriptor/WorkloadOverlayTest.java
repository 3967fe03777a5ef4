package io.jenkins.plugins.openchoreo.client.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an overlay merges into a Workload and into another overlay. */
class WorkloadOverlayTest {

    private static ObjectNode json(String text) throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(text);
    }

    private static WorkloadOverlay overlay(String dependencies, String... env) {
        return OverlayArguments.parse(List.of(env), null, null, dependencies, (path, max) -> {
            throw new AssertionError("no file is read");
        });
    }

    private static WorkloadOverlay endpoints(String yaml) {
        return OverlayArguments.parse(null, yaml, null, null, (path, max) -> new byte[0]);
    }

    private static final String EXISTING = """
            {"metadata": {"name": "app-workload"},
             "spec": {"owner": {"projectName": "p", "componentName": "app"},
                      "container": {"image": "r/app:1", "command": ["/app"],
                                    "env": [{"key": "A", "value": "1"}, {"key": "B", "value": "2"}, "odd"]},
                      "endpoints": {"api": {"type": "HTTP", "port": 80, "basePath": "/v1"}},
                      "dependencies": {"endpoints": [{"component": "pg", "name": "db", "visibility": "project",
                                                      "envBindings": {"address": "OLD"}}],
                                       "resources": [{"ref": "cache", "envBindings": {"url": "OLD"}}]}}}
            """;

    @Test
    void anEmptyOverlayLeavesTheDocumentEqualButNotShared() throws IOException {
        ObjectNode doc = json(EXISTING);

        ObjectNode applied = WorkloadOverlay.empty().applyTo(doc);

        assertThat(applied).isEqualTo(doc).isNotSameAs(doc);
        assertThat(WorkloadOverlay.empty().isEmpty()).isTrue();
    }

    @Test
    void sameKeysAreReplacedWholeNewOnesAppendedAndTheRestKept() throws IOException {
        WorkloadOverlay overlay = overlay("""
                endpoints:
                  - {component: pg, name: db, visibility: project, envBindings: {host: NEW}}
                  - {component: pg, name: db, visibility: project, project: other, envBindings: {host: OTHER}}
                resources: [{ref: cache}, {ref: queue}]
                """, "B=20", "C=3")
                .over(endpoints("[{name: api, port: 8080, type: HTTP}, {name: web, port: 3000, type: HTTP}]"));

        JsonNode spec = overlay.applyTo(json(EXISTING)).path("spec");

        assertThat(spec.path("container")).isEqualTo(json("""
                {"image": "r/app:1", "command": ["/app"],
                 "env": [{"key": "A", "value": "1"}, {"key": "B", "value": "20"}, "odd", {"key": "C", "value": "3"}]}
                """));
        assertThat(spec.path("endpoints")).isEqualTo(json("""
                {"api": {"type": "HTTP", "port": 8080}, "web": {"type": "HTTP", "port": 3000}}
                """));
        assertThat(spec.path("dependencies")).isEqualTo(json("""
                {"endpoints": [{"component": "pg", "name": "db", "visibility": "project", "envBindings": {"host": "NEW"}},
                               {"component": "pg", "name": "db", "visibility": "project", "project": "other",
                                "envBindings": {"host": "OTHER"}}],
                 "resources": [{"ref": "cache"}, {"ref": "queue"}]}
                """));
        assertThat(spec.path("owner")).isEqualTo(json("{\"projectName\": \"p\", \"componentName\": \"app\"}"));
    }

    @Test
    void collectionsAreCreatedWhereTheDocumentHasNone() throws IOException {
        ObjectNode minimal = Workload.minimal("w", "p", "c", "i").toJson();

        JsonNode spec = overlay(null, "A=1").applyTo(minimal).path("spec");

        assertThat(spec.path("container").path("env"))
                .isEqualTo(Json.MAPPER.readTree("[{\"key\":\"A\",\"value\":\"1\"}]"));
        assertThat(spec.has("endpoints")).isFalse();
        assertThat(spec.has("dependencies")).isFalse();
        assertThat(minimal.path("spec").path("container").has("env")).isFalse();
    }

    @Test
    void theUpperOverlayWinsEntryByEntryKeepingTheLowersOrder() {
        WorkloadOverlay lower = overlay(null, "A=1", "B=2");
        WorkloadOverlay upper = overlay(null, "C=3", "A=10");

        WorkloadOverlay merged = upper.over(lower);

        assertThat(merged.env().keySet()).containsExactly("A", "B", "C");
        assertThat(merged.env().get("A").path("value").asText()).isEqualTo("10");
        assertThat(lower.over(upper).env().get("A").path("value").asText()).isEqualTo("1");
        assertThat(merged).hasSameHashCodeAs(overlay(null, "A=10", "B=2", "C=3"))
                .isEqualTo(overlay(null, "A=10", "B=2", "C=3")).isNotEqualTo(lower);
        assertThat(merged.toString()).contains("A");
    }

    @Test
    void entriesHandedOutAreCopies() {
        WorkloadOverlay overlay = overlay(null, "A=1");

        overlay.env().get("A").put("value", "changed");

        assertThat(overlay.env().get("A").path("value").asText()).isEqualTo("1");
        assertThatThrownBy(() -> overlay.env().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void endpointsAreKeyedByTheNameTheyAreStoredUnder() {
        assertThatThrownBy(() -> EntryKind.ENDPOINTS.keyOf(Json.object())).isInstanceOf(IllegalStateException.class);
    }
}
