package io.jenkins.plugins.openchoreo.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five kinds of deploy, each on {@code repetitions} fresh components at one latency: first
 * create (the first with an empty token cache), image update, descriptor update (a changed
 * workload.yaml), unchanged, and an image update that annotates a WorkflowRun. Each component gets
 * each kind once, in that order.
 */
final class DeployScenarios {

    static final String DESCRIPTOR = "workload.yaml";
    static final String ANNOTATED = "annotated image update";

    private final Sandbox sandbox;
    private final Path workspace;

    DeployScenarios(Sandbox sandbox, Path workspace) {
        this.sandbox = sandbox;
        this.workspace = workspace;
    }

    /** Scenario name → samples, in table order; {@code label} keeps the components of each run apart. */
    Map<String, Samples> run(String label, long latencyMillis, int repetitions) {
        EngineDeploys engine = new EngineDeploys(sandbox, EngineDeploys.freshEngine(), workspace);
        String prefix = label + "-" + latencyMillis + "ms-";
        List<Sample> creates = new ArrayList<>();
        List<Sample> imageUpdates = new ArrayList<>();
        List<Sample> descriptorUpdates = new ArrayList<>();
        List<Sample> unchanged = new ArrayList<>();
        List<Sample> annotated = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            sandbox.addComponent("default", EngineDeploys.PROJECT, prefix + i);
            ObjectNode run = Json.object();
            run.putObject("metadata").put("name", prefix + i + "-run");
            run.putObject("spec").put("workflow", "external-ci");
            sandbox.putWorkflowRun("default", run);
        }
        for (int i = 0; i < repetitions; i++) {
            creates.add(engine.measure(EngineDeploys.request(prefix + i, image(1)).build(), latencyMillis));
        }
        for (int i = 0; i < repetitions; i++) {
            imageUpdates.add(engine.measure(EngineDeploys.request(prefix + i, image(2)).build(), latencyMillis));
        }
        for (int i = 0; i < repetitions; i++) {
            writeDescriptor(workspace, "rev-" + i);
            DeployRequest request = EngineDeploys.request(prefix + i, image(2)).descriptor(DESCRIPTOR).build();
            descriptorUpdates.add(engine.measure(request, latencyMillis));
        }
        for (int i = 0; i < repetitions; i++) {
            unchanged.add(engine.measure(EngineDeploys.request(prefix + i, image(2)).build(), latencyMillis));
        }
        for (int i = 0; i < repetitions; i++) {
            DeployRequest request = EngineDeploys.request(prefix + i, image(3)).workflowRun(prefix + i + "-run")
                    .build();
            annotated.add(engine.measure(request, latencyMillis));
        }
        Map<String, Samples> results = new LinkedHashMap<>();
        results.put("first create", new Samples(creates));
        results.put("image update", new Samples(imageUpdates));
        results.put("descriptor update", new Samples(descriptorUpdates));
        results.put("unchanged", new Samples(unchanged));
        results.put(ANNOTATED, new Samples(annotated));
        return results;
    }

    static String image(int build) {
        return "registry.example.com/bench/app:" + build;
    }

    /** A workload.yaml whose env differs per revision, so each descriptor deploy changes the Workload. */
    static void writeDescriptor(Path workspace, String revision) {
        String yaml = """
                apiVersion: openchoreo.dev/v1alpha1
                metadata: {name: bench}
                endpoints:
                  - {name: api, port: 8080, type: HTTP, targetPort: 8080, basePath: /api, visibility: [external]}
                configurations:
                  env:
                    - {name: LOG_LEVEL, value: info}
                    - {name: REVISION, value: "%s"}
                """.formatted(revision);
        try {
            Files.writeString(workspace.resolve(DESCRIPTOR), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
