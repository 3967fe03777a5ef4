package io.jenkins.plugins.openchoreo.client.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import org.junit.jupiter.api.Test;

/** What an update changes, compared the way a PUT replaces: spec, labels, annotations. */
class WorkloadDiffTest {

    private static final Workload BASE = Workload.minimal("greeter-workload", "shop", "greeter", "r/g:1");

    private static Workload withMetadata(String field, String key, String value) {
        return BASE.edit(doc -> Workload.object(Workload.object(doc, "metadata"), field).put(key, value));
    }

    @Test
    void labelsAndAnnotationsAloneAreAChange() {
        Workload labelled = withMetadata("labels", "team", "payments");
        Workload annotated = withMetadata("annotations", "owner", "alice");
        assertThat(WorkloadDiff.same(BASE, labelled)).isFalse();
        assertThat(WorkloadDiff.same(BASE, annotated)).isFalse();
        assertThat(WorkloadDiff.describe(BASE, labelled)).containsExactly("labels: + team");
        assertThat(WorkloadDiff.describe(annotated, BASE)).containsExactly("annotations: - owner");
    }

    @Test
    void serverMetadataAndEmptyMapsAreNoChange() {
        Workload fromServer = BASE.edit(doc -> {
            ObjectNode metadata = Workload.object(doc, "metadata");
            metadata.put("uid", "1234").put("resourceVersion", "7").putObject("labels");
            doc.putObject("status").put("ready", true);
        });
        assertThat(WorkloadDiff.same(fromServer, BASE)).isTrue();
        assertThat(WorkloadDiff.describe(fromServer, BASE)).isEmpty();
    }

    @Test
    void aCreationListsTheImageAndOnlyEndpointsPresent() {
        assertThat(WorkloadDiff.describe(null, BASE)).containsExactly("image: r/g:1");
        Workload withEndpoints = BASE.edit(doc -> {
            ObjectNode endpoints = Workload.object(Workload.object(doc, "spec"), "endpoints");
            endpoints.putObject("web").put("port", 80);
            endpoints.putObject("api").put("port", 9090);
        });
        assertThat(WorkloadDiff.describe(null, withEndpoints)).containsExactly("image: r/g:1",
                "endpoints: + api, + web");
    }

    /** The summary line of a create names every kind of change it brings (issue 18, point 11). */
    @Test
    void aCreationListsEveryKindOfEntry() {
        Workload full = BASE.edit(doc -> {
            ObjectNode spec = Workload.object(doc, "spec");
            Workload.object(spec, "endpoints").putObject("api").put("port", 9090);
            ObjectNode container = Workload.container(doc);
            container.putArray("env").addObject().put("key", "LOG_LEVEL").put("value", "debug");
            container.putArray("files").addObject().put("key", "app.json").put("mountPath", "/etc/cfg");
            ObjectNode dependencies = Workload.object(spec, "dependencies");
            dependencies.putArray("endpoints").addObject().put("component", "pg").put("name", "api")
                    .put("visibility", "project");
            dependencies.putArray("resources").addObject().put("ref", "cache");
            Workload.object(Workload.object(doc, "metadata"), "labels").put("team", "payments");
            Workload.object(Workload.object(doc, "metadata"), "annotations").put("example.com/commit", "abc");
        });
        assertThat(WorkloadDiff.describe(null, full)).containsExactly("image: r/g:1", "endpoints: + api",
                "env: + LOG_LEVEL", "files: + app.json", "dependency endpoints: + shop/pg/api",
                "dependency resources: + cache", "labels: + team", "annotations: + example.com/commit");
    }

    @Test
    void fieldsWithoutTheirOwnLineAreReportedTogether() {
        Workload withCommand = BASE.edit(doc -> Workload.container(doc).putArray("command").add("/app"));
        assertThat(WorkloadDiff.describe(BASE, withCommand)).containsExactly("other spec fields: container.command");
        Workload withOtherSpec = BASE.edit(doc -> Workload.object(doc, "spec").put("replicas", 2));
        assertThat(WorkloadDiff.describe(BASE, withOtherSpec)).containsExactly("other spec fields: replicas");
    }

    @Test
    void aWorkloadWithoutContainerOrSpecStillCompares() {
        Workload noContainer = BASE.edit(doc -> Workload.object(doc, "spec").remove("container"));
        assertThat(WorkloadDiff.describe(noContainer, BASE)).containsExactly("image: null → r/g:1");
        Workload noSpec = BASE.edit(doc -> doc.remove("spec"));
        assertThat(WorkloadDiff.describe(noSpec, BASE)).containsExactly("image: null → r/g:1",
                "other spec fields: owner");
    }
}
