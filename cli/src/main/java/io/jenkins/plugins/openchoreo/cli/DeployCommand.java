package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.deploy.DeployMode;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.descriptor.LocalWorkspaceFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openchoreo deploy}: the Jenkins step's deploy, from a shell. */
@Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create or update the component's Workload with a new image.")
final class DeployCommand extends EngineCommand {

    @Mixin
    ComponentOptions target;

    @Option(names = "--image", defaultValue = "${env:OPENCHOREO_IMAGE}",
            description = "Image to deploy, e.g. registry.example.com/app:1.2.3 (env OPENCHOREO_IMAGE).")
    String image;

    @Option(names = "--workload-name", defaultValue = "${env:OPENCHOREO_WORKLOAD_NAME}",
            description = "Workload name; default: the component's existing one, or <component>-workload "
                    + "(env OPENCHOREO_WORKLOAD_NAME).")
    String workloadName;

    @Option(names = "--descriptor", defaultValue = "${env:OPENCHOREO_DESCRIPTOR}",
            description = "workload.yaml path relative to --repo-root (env OPENCHOREO_DESCRIPTOR).")
    String descriptor;

    @Option(names = "--repo-root", defaultValue = "${env:OPENCHOREO_REPO_ROOT:-.}",
            description = "Repository root that descriptor and file paths are relative to and may not leave "
                    + "(env OPENCHOREO_REPO_ROOT; default the working directory).")
    Path repoRoot;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Environment variable for the container; "
            + "repeatable.")
    List<String> env = List.of();

    @Option(names = "--endpoints", paramLabel = "YAML", description = "Endpoints as YAML or JSON, shaped like the "
            + "descriptor's endpoints list.")
    String endpoints;

    @Option(names = "--files", paramLabel = "YAML", description = "Files as YAML or JSON, shaped like the "
            + "descriptor's configurations.files list.")
    String files;

    @Option(names = "--dependencies", paramLabel = "YAML", description = "Dependencies as YAML or JSON, shaped like "
            + "the descriptor's dependencies object.")
    String dependencies;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Workload label; repeatable.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--annotation", paramLabel = "KEY=VALUE", description = "Workload annotation; repeatable.")
    Map<String, String> annotations = new LinkedHashMap<>();

    @Option(names = "--mode", defaultValue = "${env:OPENCHOREO_MODE:-auto}",
            description = "auto, image-only or replace (env OPENCHOREO_MODE; default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--workflow-run", defaultValue = "${env:OPENCHOREO_WORKFLOW_RUN}",
            description = "WorkflowRun to annotate with the Workload (env OPENCHOREO_WORKFLOW_RUN).")
    String workflowRun;

    @Option(names = "--fail-on-workflow-run-error", description = "Fail when the WorkflowRun cannot be annotated "
            + "(default: a warning).")
    boolean failOnWorkflowRunError;

    @Option(names = "--dry-run", description = "Read and plan, but write nothing.")
    boolean dryRun;

    @Option(names = "--environment", defaultValue = "${env:OPENCHOREO_ENVIRONMENT}", description = "Environment to "
            + "wait for (env OPENCHOREO_ENVIRONMENT; default: the component's first, as auto-deploy uses).")
    String environment;

    @Mixin
    WaitArguments waiting;

    @Override
    Integer run() {
        Output output = newOutput();
        Credentials credentials = credentials();
        ConnectionSettings settings = connection.settings();
        DeployMode deployMode;
        try {
            deployMode = DeployMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw ConnectionOptions.usage(e.getMessage());
        }
        DeployRequest request = DeployRequest.builder(target.component, image).namespace(target.namespace)
                .project(target.project).workloadName(workloadName).descriptor(descriptor).env(env)
                .endpoints(endpoints).files(files).dependencies(dependencies).labels(labels).annotations(annotations)
                .mode(deployMode).workflowRun(workflowRun).failOnWorkflowRunError(failOnWorkflowRunError)
                .dryRun(dryRun).waitOptions(waiting.options(environment)).build();
        DeployResult result = new Deployer(settings, credentials, engine(),
                new LocalWorkspaceFiles(repoRoot.toAbsolutePath().normalize()), output).deploy(request);
        output.result(Texts.result(result), result.toJson());
        return ExitCodes.OK;
    }
}
