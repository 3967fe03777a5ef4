package io.jenkins.plugins.openchoreo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The guide's curl+jq script and the CLI jar, each a fresh process per deploy as in CI, against
 * the same sandbox: a create of a new component's Workload, then an image update of it. Both
 * annotate a WorkflowRun, since the guide's script always does.
 */
final class ToolComparison {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sandbox sandbox;
    private final SeedScript script;
    private final CliDeploys cli;

    ToolComparison(Sandbox sandbox, SeedScript script, CliDeploys cli) {
        this.sandbox = sandbox;
        this.script = script;
        this.cli = cli;
    }

    /** "guide's script create" etc. → samples, in table order. */
    Map<String, Samples> run(long latencyMillis, int repetitions) {
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (String key : List.of("guide script: create", "guide script: update", "CLI: create", "CLI: update")) {
            samples.put(key, new ArrayList<>());
        }
        for (int i = 0; i < repetitions; i++) {
            String viaScript = "gh-" + latencyMillis + "ms-" + i;
            String viaCli = "cli-" + latencyMillis + "ms-" + i;
            sandbox.addComponent("default", EngineDeploys.PROJECT, viaScript);
            sandbox.addComponent("default", EngineDeploys.PROJECT, viaCli);
            for (int build = 1; build <= 2; build++) {
                String image = DeployScenarios.image(build);
                String op = build == 1 ? "create" : "update";
                String run = workflowRun(viaScript + "-" + build);
                samples.get("guide script: " + op).add(measure(latencyMillis,
                        () -> script.deploy(EngineDeploys.PROJECT, viaScript, image, run)));
                String cliRun = workflowRun(viaCli + "-" + build);
                samples.get("CLI: " + op).add(measure(latencyMillis,
                        () -> cli.deploy(EngineDeploys.PROJECT, viaCli, image, cliRun)));
            }
        }
        Map<String, Samples> results = new LinkedHashMap<>();
        samples.forEach((key, list) -> results.put(key, new Samples(list)));
        return results;
    }

    private Sample measure(long latencyMillis, Supplier<ProcessRun> deploy) {
        sandbox.clearRequests();
        ProcessRun run = deploy.get();
        RoundTrips trips = RoundTrips.of(sandbox);
        return new Sample(run.wallMillis(), trips.api(), trips.identityProvider(), latencyMillis);
    }

    private String workflowRun(String name) {
        ObjectNode run = JSON.createObjectNode();
        run.putObject("metadata").put("name", name);
        run.putObject("spec").put("workflow", "external-ci");
        sandbox.putWorkflowRun("default", run);
        return name;
    }
}
