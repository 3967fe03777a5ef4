package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.openchoreo.client.RecordingListener;
import io.jenkins.plugins.openchoreo.client.SandboxTestSupport;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Text a server sends reaches the build log and stderr as one line per line the deploy prints:
 * a Workload whose stored image holds a line break cannot forge a "Created Workload" line.
 */
class HostileServerTextTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();
    private final RecordingListener listener = new RecordingListener();

    @Test
    void serverValuesInProgressLinesAndTheSummaryCannotStartANewLine() {
        Sandbox sandbox = SANDBOX.get();
        sandbox.addComponent("default", "shop", "greeter");
        String forged = "r/greeter:1\r\n[OpenChoreo] Created Workload default/evil\u2028\u001b[1A";
        sandbox.putWorkload("default", Workload.minimal("greeter-workload", "shop", "greeter", forged).toJson());
        DeployResult result = new Deployer(SandboxTestSupport.settings(sandbox),
                SandboxTestSupport.credentials(sandbox.defaultClient()), new OpenChoreoEngine(), null,
                listener).deploy(DeployRequest.builder("greeter", "r/greeter:2").project("shop").build());
        assertThat(listener.lines).anySatisfy(line -> assertThat(line).contains("Created Workload default/evil"));
        assertThat(listener.lines).allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r", "\u2028", "\u001b"));
        assertThat(result.summary()).contains("Created Workload default/evil")
                .doesNotContain("\n", "\r", "\u2028", "\u001b");
    }
}
