package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code java -jar openchoreo-cli.jar demo}: the README's first command. */
class DemoIT {

    @Test
    void demoCreatesUpdatesAndReportsUnchangedThenShowsTheWorkload() {
        PackagedCli.Run run = PackagedCli.run(Map.of(), "demo");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout())
                .contains("Created Workload default/greeter-workload")
                .contains("Updated Workload default/greeter-workload")
                .contains("ghcr.io/example/greeter:1.0.0 → ghcr.io/example/greeter:1.0.1")
                .contains("Unchanged Workload default/greeter-workload")
                .contains("Final Workload on the sandbox:")
                .contains("\"image\" : \"ghcr.io/example/greeter:1.0.1\"");
        assertThat(run.stderr()).doesNotContain("SLF4J").doesNotContain("error:");
    }

    @Test
    void demoAsJsonListsTheThreeOutcomesAndTheFinalWorkload() {
        PackagedCli.Run run = PackagedCli.run(Map.of(), "demo", "--output", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("deploys").findValuesAsText("outcome")).containsExactly("created", "updated", "unchanged");
        JsonNode spec = json.path("workload").path("spec");
        assertThat(spec.path("container").path("image").asText()).isEqualTo("ghcr.io/example/greeter:1.0.1");
        assertThat(spec.path("endpoints").has("api")).as("the endpoint added by hand survives").isTrue();
    }
}
