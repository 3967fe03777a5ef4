package io.jenkins.plugins.openchoreo.bench;

import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The CLI jar as a child process ({@code java -jar openchoreo-cli.jar deploy …}) against the sandbox. */
final class CliDeploys {

    private final Sandbox sandbox;
    private final Path jar;
    private final String java;

    CliDeploys(Sandbox sandbox, Path jar) {
        this.sandbox = sandbox;
        this.jar = jar;
        this.java = Machine.java();
    }

    ProcessRun deploy(String project, String component, String image, String workflowRun) {
        List<String> command = List.of(java, "-jar", jar.toString(), "deploy", "--quiet",
                "--api-url", sandbox.apiUrl().toString(), "--token-url", sandbox.tokenUrl().toString(),
                "--client-id", sandbox.defaultClient().clientId(), "--project", project, "--component", component,
                "--image", image, "--workflow-run", workflowRun);
        return ProcessRun.run(command, null, Map.of("OPENCHOREO_CLIENT_SECRET", sandbox.defaultClient().secret()))
                .requireSuccess("The CLI");
    }

    /** {@code java -jar openchoreo-cli.jar --version}: the JVM's start and the CLI's own start-up. */
    ProcessRun version() {
        return ProcessRun.run(List.of(java, "-jar", jar.toString(), "--version"), null, Map.of())
                .requireSuccess("The CLI's --version");
    }
}
