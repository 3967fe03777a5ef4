package io.jenkins.plugins.openchoreo.bench;

import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;
import io.jenkins.plugins.openchoreo.sandbox.AuthMethod;
import io.jenkins.plugins.openchoreo.sandbox.Role;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxClient;
import java.time.Duration;

/**
 * What following a deploy to Ready costs: one image update with {@code wait} at the default poll
 * interval (2 s growing by half to 15 s) while the sandbox's release takes {@code rollout} to be
 * Ready, counted by route.
 */
final class WaitScenario {

    private static final String COMPONENT = "waited";

    private final Sandbox sandbox;

    WaitScenario(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    MarkdownTable run(Duration rollout) {
        SandboxClient watcher = sandbox.registerClient("bench-watcher", "bench-watcher-secret", AuthMethod.POST,
                Role.ROLLOUT_WATCHER);
        sandbox.addComponent("default", EngineDeploys.PROJECT, COMPONENT);
        Deployer deployer = new Deployer(ConnectionSettings.builder(sandbox.apiUrl().toString())
                .tokenUrl(sandbox.tokenUrl().toString()).build(),
                Credentials.client(watcher.clientId(),
                        watcher.secret()),
                EngineDeploys.freshEngine(), null, null);
        deployer.deploy(EngineDeploys.request(COMPONENT, DeployScenarios.image(1)).build());
        sandbox.setRolloutDelay(rollout);
        sandbox.clearRequests();
        long start = System.nanoTime();
        DeployResult result = deployer.deploy(EngineDeploys.request(COMPONENT, DeployScenarios.image(2))
                .waitOptions(WaitOptions.defaults()).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        sandbox.setRolloutDelay(Duration.ofSeconds(2));
        MarkdownTable table = new MarkdownTable("rollout", "ready", "wall s", "API requests", "component GETs",
                "binding lists", "Workload list + PUT", "IdP requests");
        table.row(rollout.toSeconds() + " s", String.valueOf(result.rollout() != null), String.format("%.1f", seconds),
                String.valueOf(result.traffic().apiRequests()), String.valueOf(sandbox.count(Route.COMPONENT_GET)),
                String.valueOf(sandbox.count(Route.RELEASEBINDING_LIST)),
                String.valueOf(sandbox.count(Route.WORKLOAD_LIST) + sandbox.count(Route.WORKLOAD_UPDATE)),
                String.valueOf(result.traffic().identityProviderRequests()));
        return table;
    }
}
