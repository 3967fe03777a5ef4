package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code deploy} and {@code check} from the packaged jar against a sandbox in the test JVM. */
class DeployIT {

    @RegisterExtension
    static final SandboxUnderTest SANDBOX = new SandboxUnderTest();

    @Test
    void deployCreatesThenUpdatesThenReportsUnchanged() {
        PackagedCli.Run created = deploy("--image", "registry.example.com/greeter:1");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.stdout()).startsWith("Created Workload default/greeter-workload of component greeter")
                .contains("image:    registry.example.com/greeter:1");
        assertThat(SANDBOX.sandbox.workload("default", "greeter-workload").orElseThrow()
                .at("/spec/container/image").asText()).isEqualTo("registry.example.com/greeter:1");

        PackagedCli.Run updated = deploy("--image", "registry.example.com/greeter:2");
        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        assertThat(updated.stdout()).startsWith("Updated Workload default/greeter-workload")
                .contains("registry.example.com/greeter:1 → registry.example.com/greeter:2");

        SANDBOX.sandbox.clearRequests();
        PackagedCli.Run unchanged = deploy("--image", "registry.example.com/greeter:2");
        assertThat(unchanged.exitCode()).as(unchanged.toString()).isZero();
        assertThat(unchanged.stdout()).startsWith("Unchanged Workload default/greeter-workload");
        assertThat(SANDBOX.sandbox.count(Route.WORKLOAD_UPDATE) + SANDBOX.sandbox.count(Route.WORKLOAD_CREATE))
                .as("an unchanged deploy writes nothing").isZero();
        assertThat(unchanged.stderr()).contains("nothing to update");
    }

    @Test
    void jsonOutputParsesWithTheResultFields() {
        PackagedCli.Run run = deploy("--image", "registry.example.com/greeter:7", "--output", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("outcome").asText()).isEqualTo("created");
        assertThat(json.path("namespace").asText()).isEqualTo("default");
        assertThat(json.path("project").asText()).isEqualTo("shop");
        assertThat(json.path("component").asText()).isEqualTo("greeter");
        assertThat(json.path("workloadName").asText()).isEqualTo("greeter-workload");
        assertThat(json.path("image").asText()).isEqualTo("registry.example.com/greeter:7");
        assertThat(json.path("dryRun").asBoolean()).isFalse();
        assertThat(json.path("requestIds").size()).isPositive();
        assertThat(json.at("/workload/spec/container/image").asText()).isEqualTo("registry.example.com/greeter:7");
    }

    @Test
    void dryRunPlansButWritesNothing() {
        PackagedCli.Run run = deploy("--image", "registry.example.com/greeter:1", "--dry-run", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("outcome").asText()).isEqualTo("created");
        assertThat(run.json().path("dryRun").asBoolean()).isTrue();
        assertThat(SANDBOX.sandbox.workloads("default")).isEmpty();
    }

    @Test
    void optionsComeFromEnvironmentVariablesAsInATwoLineCiStep() {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env("OPENCHOREO_IMAGE", "registry.example.com/greeter:9"),
                "deploy", "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).startsWith("Created Workload");
        assertThat(run.stderr()).as("--quiet prints no progress").isEmpty();
    }

    @Test
    void checkPrintsIdentityAndServerVersion() {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "check");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("Connected to").contains("v1.2.0").contains(SANDBOX.client.clientId());

        JsonNode json = PackagedCli.run(SANDBOX.env(), "check", "-o", "json").json();
        assertThat(json.path("identity").asText()).isEqualTo(SANDBOX.client.clientId());
        assertThat(json.path("workloads").asInt()).isZero();
    }

    @Test
    void waitingReportsTheReadyReleaseAndItsUrlsInJson() {
        SANDBOX.sandbox.setRolloutDelay(java.time.Duration.ofMillis(500));
        SANDBOX.sandbox.registerClient("ci-watcher", "watch+this&secret", AuthMethod.POST, Role.ROLLOUT_WATCHER);
        java.util.Map<String, String> env = SANDBOX.env("OPENCHOREO_CLIENT_ID", "ci-watcher");
        env.put("OPENCHOREO_CLIENT_SECRET", "watch+this&secret");
        PackagedCli.Run run = PackagedCli.run(env, "deploy", "--image", "registry.example.com/greeter:3",
                "--endpoints", "[{name: api, port: 8080, type: HTTP, visibility: [external]}]", "--wait",
                "--poll-interval", "1", "--wait-timeout", "30", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("ready").asBoolean()).isTrue();
        assertThat(json.path("release").asText()).startsWith("greeter-");
        assertThat(json.path("environment").asText()).isEqualTo("development");
        assertThat(json.path("endpointUrls").get(0).asText()).endsWith("/shop/greeter");
        assertThat(run.stderr()).contains("Ready=True").doesNotContain("watch+this&secret");
    }

    @Test
    void waitingWithTheShippedCiRoleWarnsAndStaysGreen() {
        PackagedCli.Run run = deploy("--image", "registry.example.com/greeter:4", "--wait");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("warning:").contains("component:view");
    }

    private static PackagedCli.Run deploy(String... args) {
        return PackagedCli.command(SANDBOX.env(), "deploy", args);
    }
}
