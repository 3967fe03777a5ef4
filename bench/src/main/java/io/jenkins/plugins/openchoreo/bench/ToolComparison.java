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
 * The guide's curl+jq script and each way of starting the CLI, each a fresh process per deploy as
 * in CI, against the same sandbox: a create of a new component's Workload, then an image update of
 * it. Every tool deploys in each repetition, one after the other, so load on the machine falls on
 * all alike. All annotate a WorkflowRun, since the guide's script always does.
 */
final class ToolComparison {

    static final String SCRIPT = "guide's script (curl + jq)";
    static final List<String> KINDS = List.of("create", "update");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sandbox sandbox;
    private final SeedScript script;
    private final List<CliDeploys> tools;

    ToolComparison(Sandbox sandbox, SeedScript script, List<CliDeploys> tools) {
        this.sandbox = sandbox;
        this.script = script;
        this.tools = List.copyOf(tools);
    }

    /** Deploy kind → tool label (the script first) → samples, in table order. */
    Map<String, Map<String, Samples>> run(long latencyMillis, int repetitions) {
        Map<String, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
        for (String kind : KINDS) {
            Map<String, List<Sample>> byTool = new LinkedHashMap<>();
            byTool.put(SCRIPT, new ArrayList<>());
            tools.forEach(tool -> byTool.put(tool.label(), new ArrayList<>()));
            samples.put(kind, byTool);
        }
        for (int i = 0; i < repetitions; i++) {
            String viaScript = component("gh", latencyMillis, i);
            for (int build = 1; build <= 2; build++) {
                String image = DeployScenarios.image(build);
                String run = workflowRun(viaScript + "-" + build);
                samples.get(KINDS.get(build - 1)).get(SCRIPT).add(measure(latencyMillis,
                        () -> script.deploy(EngineDeploys.PROJECT, viaScript, image, run)));
            }
            for (int t = 0; t < tools.size(); t++) {
                CliDeploys tool = tools.get(t);
                String viaCli = component("cli" + t, latencyMillis, i);
                for (int build = 1; build <= 2; build++) {
                    String image = DeployScenarios.image(build);
                    String run = workflowRun(viaCli + "-" + build);
                    samples.get(KINDS.get(build - 1)).get(tool.label()).add(measure(latencyMillis,
                            () -> tool.deploy(EngineDeploys.PROJECT, viaCli, image, run)));
                }
            }
        }
        Map<String, Map<String, Samples>> results = new LinkedHashMap<>();
        samples.forEach((kind, byTool) -> {
            Map<String, Samples> summary = new LinkedHashMap<>();
            byTool.forEach((tool, list) -> summary.put(tool, new Samples(list)));
            results.put(kind, summary);
        });
        return results;
    }

    private String component(String prefix, long latencyMillis, int repetition) {
        String name = prefix + "-" + latencyMillis + "ms-" + repetition;
        sandbox.addComponent("default", EngineDeploys.PROJECT, name);
        return name;
    }

    private Sample measure(long latencyMillis, Supplier<ProcessRun> deploy) {
        sandbox.clearRequests();
        ProcessRun run;
        try {
            run = deploy.get();
        } catch (IllegalStateException failed) {
            // A silent failure (curl -sf prints nothing): say which request the sandbox refused.
            throw new IllegalStateException(failed.getMessage() + "\nThe sandbox's answers: " + sandbox.requests()
                    .stream().map(r -> r.method() + " " + r.path() + " " + r.status()).toList(), failed);
        }
        return Sample.of(run.wallMillis(), RoundTrips.of(sandbox), latencyMillis);
    }

    private String workflowRun(String name) {
        ObjectNode run = JSON.createObjectNode();
        run.putObject("metadata").put("name", name);
        run.putObject("spec").put("workflow", "external-ci");
        sandbox.putWorkflowRun("default", run);
        return name;
    }
}
