package io.jenkins.plugins.openchoreo.bench;

import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.descriptor.LocalWorkspaceFiles;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.nio.file.Path;

/**
 * Deploys through the engine against the sandbox with the sandbox's default client, one
 * {@link OpenChoreoEngine} (its token cache, its transports) shared by every deploy (as the plugin
 * and a long-running CLI share one),
 * and a workspace for descriptors.
 */
final class EngineDeploys {

    static final String PROJECT = "bench";

    private final Sandbox sandbox;
    private final Deployer deployer;

    EngineDeploys(Sandbox sandbox, OpenChoreoEngine engine, Path workspace) {
        this.sandbox = sandbox;
        ConnectionSettings settings = ConnectionSettings.builder(sandbox.apiUrl().toString())
                .tokenUrl(sandbox.tokenUrl().toString()).build();
        Credentials credentials = new Credentials.Client(sandbox.defaultClient().clientId(),
                sandbox.defaultClient().secret());
        this.deployer = new Deployer(settings, credentials, engine,
                new LocalWorkspaceFiles(workspace), null);
    }

    /** An engine with an empty token cache; the bench process ends with it. */
    static OpenChoreoEngine freshEngine() {
        return new OpenChoreoEngine();
    }

    static DeployRequest.Builder request(String component, String image) {
        return DeployRequest.builder(component, image).project(PROJECT);
    }

    /** Deploys without measuring (set-up, warm-up, concurrency). */
    DeployResult deploy(DeployRequest request) {
        return deployer.deploy(request);
    }

    /** One deploy, timed, with the round trips the sandbox saw (deploys measured this way run one at a time). */
    Sample measure(DeployRequest request, long latencyMillis) {
        sandbox.clearRequests();
        long start = System.nanoTime();
        deployer.deploy(request);
        double wall = (System.nanoTime() - start) / 1e6;
        return Sample.of(wall, RoundTrips.of(sandbox), latencyMillis);
    }
}
