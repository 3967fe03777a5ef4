package io.jenkins.plugins.openchoreo.bench;

import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One way of starting the CLI as a child process against the sandbox: {@code java -jar
 * openchoreo-cli.jar} or the {@code cli/openchoreo} launcher with a given Java, under a label for
 * the tables.
 */
final class CliDeploys {

    private final Sandbox sandbox;
    private final String label;
    private final List<String> launch;
    private final Map<String, String> env;

    private CliDeploys(Sandbox sandbox, String label, List<String> launch, Map<String, String> env) {
        this.sandbox = sandbox;
        this.label = label;
        this.launch = List.copyOf(launch);
        this.env = Map.copyOf(env);
    }

    /** {@code java -jar JAR} with this java executable. */
    static CliDeploys javaJar(Sandbox sandbox, String label, Path java, Path jar) {
        return new CliDeploys(sandbox, label, List.of(java.toString(), "-jar", jar.toString()), Map.of());
    }

    /** The launcher script with JAVA_HOME set, as a CI job would run it. */
    static CliDeploys launcher(Sandbox sandbox, String label, Path launcher, Path javaHome) {
        return new CliDeploys(sandbox, label, List.of(launcher.toString()), Map.of("JAVA_HOME", javaHome.toString()));
    }

    String label() {
        return label;
    }

    /** An image update or create of the component, annotating the WorkflowRun; the token URL given. */
    ProcessRun deploy(String project, String component, String image, String workflowRun) {
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of("deploy", "--quiet", "--api-url", sandbox.apiUrl().toString(), "--token-url",
                sandbox.tokenUrl().toString(), "--client-id", sandbox.defaultClient().clientId(), "--project", project,
                "--component", component, "--image", image, "--workflow-run", workflowRun));
        return run(command, "OPENCHOREO_CLIENT_SECRET", sandbox.defaultClient().secret())
                .requireSuccess("The CLI (" + label + ")");
    }

    /** {@code … --version}: the JVM's start and the CLI's own start-up, no request. */
    ProcessRun version() {
        List<String> command = new ArrayList<>(launch);
        command.add("--version");
        return run(command, null, null).requireSuccess("The CLI's --version (" + label + ")");
    }

    private ProcessRun run(List<String> command, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(env);
        if (name != null) {
            all.put(name, value);
        }
        return ProcessRun.run(command, null, all);
    }
}
