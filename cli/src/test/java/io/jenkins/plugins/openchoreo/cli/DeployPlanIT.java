package io.jenkins.plugins.openchoreo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a deploy tells about its plan, from the packaged jar (issue 18, points 9 to 11): a dry run
 * checks the component where the client may, a mutable image reference is warned about, and the
 * summary names every kind of change.
 */
class DeployPlanIT {

    @RegisterExtension
    static final SandboxUnderTest SANDBOX = new SandboxUnderTest();

    /** The environment of a client that may read components (and follow rollouts). */
    private static Map<String, String> mayReadComponents() {
        SANDBOX.sandbox.registerClient("component-reader", "reader-secret", AuthMethod.POST, Role.ROLLOUT_WATCHER);
        Map<String, String> env = SANDBOX.env("OPENCHOREO_CLIENT_ID", "component-reader");
        env.put("OPENCHOREO_CLIENT_SECRET", "reader-secret");
        return env;
    }

    @Test
    void aDryRunForAComponentThatDoesNotExistFailsWithExit5() {
        PackagedCli.Run run = PackagedCli.run(mayReadComponents(), "deploy", "--component", "greeterr", "--image",
                "registry.example.com/greeter:1", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(5);
        assertThat(run.stderr()).contains("error [COMPONENT_NOT_FOUND]: Component greeterr does not exist in "
                + "namespace default").contains("Dry run: nothing was written");
        assertThat(run.stdout()).doesNotContain("Would create");
        assertThat(SANDBOX.sandbox.count(Route.WORKLOAD_CREATE)).isZero();
    }

    @Test
    void aDryRunThatMayNotReadComponentsSaysSoPlainly() {
        // An existing component: OpenChoreo answers a read of a missing one 404 even to the CI role.
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--image",
                "registry.example.com/greeter:1", "--dry-run", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).contains("warning: Could not check that component greeter exists: the client may "
                + "not read components (component:view");
        JsonNode json = run.json();
        assertThat(json.path("summary").asText()).startsWith("Would create Workload default/greeter-workload");
        assertThat(json.path("warnings").get(0).asText()).startsWith("Could not check that component greeter exists");
    }

    @Test
    void aDryRunForAnExistingComponentPlansWithoutWarning() {
        PackagedCli.Run run = PackagedCli.run(mayReadComponents(), "deploy", "--image",
                "registry.example.com/greeter:1", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).startsWith("Would create Workload default/greeter-workload");
        assertThat(run.stderr()).doesNotContain("warning:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry.example.com/greeter", "registry.example.com/greeter:latest"})
    void anImageWithoutTagOrWithLatestIsDeployedWithAWarning(String image) {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--image", image, "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).contains("warning: The image " + image).contains("leaves the Workload unchanged");
        assertThat(run.json().path("warnings").get(0).asText()).startsWith("The image " + image);
    }

    @Test
    void anImageWithAVersionTagIsDeployedWithoutWarning() {
        PackagedCli.Run run = PackagedCli.run(SANDBOX.env(), "deploy", "--image", "registry.example.com/greeter:1.2.3");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stderr()).doesNotContain("warning:");
    }

    @Test
    void theSummaryOfACreateAndOfAnUpdateNamesEveryKindOfChange() {
        PackagedCli.Run created = PackagedCli.run(SANDBOX.env(), "deploy", "--image", "registry.example.com/greeter:1",
                "--env", "LOG_LEVEL=debug", "--label", "team=payments", "--annotation", "example.com/commit=abc",
                "--endpoints", "[{name: api, type: HTTP, port: 8080}]",
                "--files", "[{name: app.json, mountPath: /etc/cfg, value: '{}'}]",
                "--dependencies", "{resources: [{ref: cache, envBindings: {url: CACHE_URL}}]}");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.stdout().lines().findFirst().orElseThrow()).isEqualTo("Created Workload "
                + "default/greeter-workload of component greeter: image: registry.example.com/greeter:1; "
                + "endpoints: + api; env: + LOG_LEVEL; files: + app.json; dependency resources: + cache; "
                + "labels: + team; annotations: + example.com/commit");

        PackagedCli.Run updated = PackagedCli.run(SANDBOX.env(), "deploy", "--image", "registry.example.com/greeter:2",
                "--env", "LOG_LEVEL=info", "--label", "tier=web");
        assertThat(updated.stdout().lines().findFirst().orElseThrow()).isEqualTo("Updated Workload "
                + "default/greeter-workload of component greeter: image: registry.example.com/greeter:1 → "
                + "registry.example.com/greeter:2; env: ~ LOG_LEVEL; labels: + tier");
    }
}
