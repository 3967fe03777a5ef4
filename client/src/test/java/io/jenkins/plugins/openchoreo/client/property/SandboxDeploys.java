package io.jenkins.plugins.openchoreo.client.property;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
import io.jenkins.plugins.openchoreo.client.auth.TokenCache;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.sandbox.RecordedRequest;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Deploys bad input against a sandbox and judges each: a rejection must come before any request,
 * and every request must go to a Workload, WorkflowRun, component (a dry run's check) or token path
 * built from valid names.
 */
final class SandboxDeploys implements AutoCloseable {

    static final Pattern EXPECTED_PATH = Pattern.compile("^/api/v1/namespaces/[a-z0-9-]+/(workloads|workflowruns)"
            + "(/[a-z0-9-]+)?$|^/api/v1/namespaces/[a-z0-9-]+/components/[a-z0-9-]+$|^/idp/oauth2/token$");

    final Sandbox sandbox = Sandbox.start();
    final Tally tally;
    private final OpenChoreoEngine engine = new OpenChoreoEngine(new TokenCache(Clock.systemUTC()));

    SandboxDeploys(Tally tally) {
        this.tally = tally;
    }

    Deployer deployer(MemoryFiles files) {
        return new Deployer(SandboxTestSupport.settings(sandbox),
                SandboxTestSupport.credentials(sandbox.defaultClient()),
                engine, files, null);
    }

    /** Deploys and counts the outcome; the result, or null when the input was refused. */
    DeployResult deploy(DeployRequest request, MemoryFiles files, String input) {
        sandbox.clearRequests();
        DeployResult result = tally.judge(input, () -> deployer(files).deploy(request));
        List<RecordedRequest> requests = sandbox.requests();
        if (result == null) {
            assertThat(requests).as("requests made for a rejected deploy").isEmpty();
        }
        requests.stream().map(RecordedRequest::path).filter(p -> !EXPECTED_PATH.matcher(p).matches())
                .forEach(tally::stray);
        assertThat(files.stayedInside()).as("paths read: %s", files.asked).isTrue();
        return result;
    }

    /** Stops the sandbox, prints the figure, and fails if anything escaped. */
    @Override
    public void close() {
        sandbox.close();
        tally.print();
        assertThat(tally.escaped.get()).as("inputs that escaped").isZero();
        assertThat(tally.strayRequests.get()).as("requests to unexpected paths").isZero();
    }
}
