package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code promote} from the packaged jar against a sandbox in the test JVM. */
class PromoteIT {

    static final String PROMOTER = "ci-promoter";
    static final String PROMOTER_SECRET = "promote+this&secret";

    @RegisterExtension
    static final SandboxUnderTest SANDBOX = new SandboxUnderTest();

    @BeforeEach
    void promoter() {
        SANDBOX.sandbox.registerClient(PROMOTER, PROMOTER_SECRET, AuthMethod.POST, Role.RELEASE_PROMOTER);
    }

    /** The greeter's image deployed and Ready in development (as if long ago); its release. */
    static String deployedInDevelopment(String image) {
        ObjectNode workload = Json.object();
        workload.putObject("metadata").put("name", "greeter-workload");
        ObjectNode spec = workload.putObject("spec");
        spec.putObject("owner").put("projectName", SandboxUnderTest.PROJECT)
                .put("componentName", SandboxUnderTest.COMPONENT);
        spec.putObject("container").put("image", image);
        spec.putObject("endpoints").putObject("api").put("type", "HTTP").put("port", 8080).putArray("visibility")
                .add("external");
        SANDBOX.sandbox.putWorkload("default", workload);
        return SANDBOX.sandbox.releaseBinding("default", "greeter-development").orElseThrow().at("/spec/releaseName")
                .asText();
    }

    static Map<String, String> promoterEnv() {
        Map<String, String> env = SANDBOX.env("OPENCHOREO_CLIENT_ID", PROMOTER);
        env.put("OPENCHOREO_CLIENT_SECRET", PROMOTER_SECRET);
        return env;
    }

    private static PackagedCli.Run promote(Map<String, String> env, String... args) {
        return PackagedCli.command(env, "promote", args);
    }

    private static int writes() {
        return SANDBOX.sandbox.count(Route.RELEASEBINDING_CREATE) + SANDBOX.sandbox.count(Route.RELEASEBINDING_UPDATE);
    }

    @Test
    void promotesCreatesThenReportsUnchangedThenUpdates() {
        String first = deployedInDevelopment("registry.example.com/greeter:1");

        PackagedCli.Run created = promote(promoterEnv(), "--from", "development", "--to", "staging");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.stdout()).startsWith("Promoted release " + first + " of component greeter from "
                + "development to staging: Created ReleaseBinding default/greeter-staging")
                .contains("path:     development → staging");
        assertThat(SANDBOX.sandbox.releaseBinding("default", "greeter-staging").orElseThrow()
                .at("/spec/releaseName").asText()).isEqualTo(first);

        SANDBOX.sandbox.clearRequests();
        PackagedCli.Run unchanged = promote(promoterEnv(), "--from", "development", "--to", "staging");
        assertThat(unchanged.exitCode()).as(unchanged.toString()).isZero();
        assertThat(unchanged.stdout()).startsWith("Not promoting release " + first);
        assertThat(unchanged.stderr()).contains("already runs release " + first + ": nothing to write");
        assertThat(writes()).as("an unchanged promotion writes nothing").isZero();

        String second = deployedInDevelopment("registry.example.com/greeter:2");
        PackagedCli.Run updated = promote(promoterEnv(), "--from", "development", "--to", "staging", "-o", "json");
        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        JsonNode json = updated.json();
        assertThat(json.path("outcome").asText()).isEqualTo("updated");
        assertThat(json.path("previousRelease").asText()).isEqualTo(first);
        assertThat(json.path("release").asText()).isEqualTo(second);
        assertThat(json.path("environment").asText()).isEqualTo("staging");
        assertThat(json.path("from").asText()).isEqualTo("development");
        assertThat(json.at("/releaseBinding/spec/releaseName").asText()).isEqualTo(second);
        assertThat(SANDBOX.sandbox.count(Route.RELEASEBINDING_UPDATE)).isEqualTo(1);
    }

    @Test
    void waitingReportsTheReadyReleaseAndItsEndpointUrls() {
        SANDBOX.sandbox.setRolloutDelay(java.time.Duration.ofMillis(600));
        String release = deployedInDevelopment("registry.example.com/greeter:1");

        PackagedCli.Run run = promote(promoterEnv(), "--from", "development", "--to", "staging", "--wait",
                "--poll-interval", "1", "--wait-timeout", "30", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("ready").asBoolean()).isTrue();
        assertThat(json.path("release").asText()).isEqualTo(release);
        assertThat(json.path("endpointUrls").get(0).asText())
                .isEqualTo("https://staging-default.openchoreo.localhost:19443/shop/greeter");
        assertThat(run.stderr()).contains("Waiting for release " + release + " to be Ready in staging")
                .contains("Ready=True").doesNotContain(PROMOTER_SECRET);
    }

    @Test
    void aPathThePipelineLacksExitsSixNamingTheAllowedTargets() {
        deployedInDevelopment("registry.example.com/greeter:1");
        PackagedCli.Run run = promote(promoterEnv(), "--from", "development", "--to", "production", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(6);
        assertThat(run.json().at("/error/code").asText()).isEqualTo("PROMOTION_NOT_ALLOWED");
        assertThat(run.stderr()).contains(
                "error [PROMOTION_NOT_ALLOWED]: DeploymentPipeline default has no promotion path development → "
                        + "production; allowed targets from development: staging")
                .contains("Hint: ");
        assertThat(writes()).isZero();
    }

    @Test
    void theShippedCiRoleExitsFourWithThePermissionAndTheRoleToBind() {
        deployedInDevelopment("registry.example.com/greeter:1");
        PackagedCli.Run run = promote(SANDBOX.env(), "--from", "development", "--to", "staging");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.stderr()).contains(
                "error [PROMOTION_FORBIDDEN]: The client may not promote: reading project shop needs project:view")
                .contains("Hint: Promotion needs project:view, deploymentpipeline:view, releasebinding:view, "
                        + "releasebinding:create and releasebinding:update")
                .doesNotContain(SANDBOX.client.secret());
        assertThat(writes()).isZero();
    }

    @Test
    void optionsComeFromEnvironmentVariablesAndADryRunWritesNothing() {
        String release = deployedInDevelopment("registry.example.com/greeter:1");
        Map<String, String> env = promoterEnv();
        env.put("OPENCHOREO_FROM", "development");
        env.put("OPENCHOREO_TO", "staging");
        env.put("OPENCHOREO_RELEASE", release);
        PackagedCli.Run run = PackagedCli.run(env, "promote", "--dry-run", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("dryRun").asBoolean()).isTrue();
        assertThat(run.json().path("outcome").asText()).isEqualTo("created");
        assertThat(run.json().at("/releaseBinding/metadata/name").asText()).isEqualTo("greeter-staging");
        assertThat(SANDBOX.sandbox.releaseBinding("default", "greeter-staging")).isEmpty();
        assertThat(writes()).isZero();
    }

    @Test
    void missingArgumentsExitTwoBeforeAnyRequest() {
        PackagedCli.Run run = promote(promoterEnv(), "--to", "staging");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr()).contains("the source environment (from) is required");
        assertThat(SANDBOX.sandbox.requests()).isEmpty();
    }
}
