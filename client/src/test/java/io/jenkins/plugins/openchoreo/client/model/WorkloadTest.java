package io.jenkins.plugins.openchoreo.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import org.junit.jupiter.api.Test;

/** The Workload document: read leniently, copied defensively, compared by content. */
class WorkloadTest {

    @Test
    void onlyAJsonObjectIsAWorkload() {
        assertThatThrownBy(() -> Workload.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Workload.of(Json.MAPPER.createArrayNode()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
    }

    @Test
    void fieldsOfTheWrongShapeReadAsAbsent() {
        ObjectNode doc = Json.object();
        doc.putObject("metadata").put("name", 42).put("labels", "not-a-map");
        doc.putObject("spec").putObject("owner").putArray("componentName");
        Workload workload = Workload.of(doc);
        assertThat(workload.name()).isNull();
        assertThat(workload.componentName()).isNull();
        assertThat(workload.projectName()).isNull();
        assertThat(workload.image()).isNull();
        assertThat(workload.labels()).isEmpty();
        assertThat(workload.annotations()).isEmpty();
    }

    @Test
    void theDocumentIsCopiedInAndOut() {
        ObjectNode doc = Workload.minimal("w", "p", "c", "r/i:1").toJson();
        Workload workload = Workload.of(doc);
        Workload.container(doc).put("image", "changed");
        workload.toJson().putObject("spec");
        assertThat(workload.image()).isEqualTo("r/i:1");
    }

    @Test
    void equalityIsByContent() {
        Workload a = Workload.minimal("w", "p", "c", "r/i:1");
        Workload same = Workload.of(a.toJson());
        Workload other = a.withImage("r/i:2");
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other)
                .isNotEqualTo(a.toJson()).isNotEqualTo(null);
        assertThat(other.toString()).contains("\"image\":\"r/i:2\"");
    }

    @Test
    void aFieldThatIsNotAnObjectIsReplacedWhenEdited() {
        ObjectNode doc = Json.object();
        doc.put("spec", "broken");
        Workload.container(doc).put("image", "r/i:1");
        assertThat(Workload.of(doc).image()).isEqualTo("r/i:1");
    }
}
