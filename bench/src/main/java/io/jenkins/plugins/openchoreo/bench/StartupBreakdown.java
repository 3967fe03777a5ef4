package io.jenkins.plugins.openchoreo.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.sandbox.RecordedRequest;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a CLI process's time goes, without injected latency: {@code --version} (the JVM's start and
 * the command line's, no request), and for an annotated image update the time from the process's
 * start to its first request reaching the sandbox, and from there to the process's end (the round
 * trips and the work between them). One row per way of starting the CLI, before and after.
 */
final class StartupBreakdown {

    private static final String COMPONENT = "startup";

    private final Sandbox sandbox;

    StartupBreakdown(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    MarkdownTable run(List<CliDeploys> tools, int repetitions) {
        sandbox.setLatency(Duration.ZERO);
        sandbox.addComponent("default", EngineDeploys.PROJECT, COMPONENT);
        MarkdownTable table = new MarkdownTable("how the CLI starts", "runs", "`--version` p50 ms",
                "deploy: start → first request p50 ms", "first request → exit p50 ms", "deploy p50 ms",
                "deploy p95 ms");
        int image = 0;
        for (CliDeploys tool : tools) {
            List<Double> versions = new ArrayList<>();
            List<Double> toFirst = new ArrayList<>();
            List<Double> afterFirst = new ArrayList<>();
            List<Double> walls = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                versions.add(tool.version().wallMillis());
                String run = "startup-" + (++image);
                seed(run);
                sandbox.clearRequests();
                ProcessRun deploy = tool.deploy(EngineDeploys.PROJECT, COMPONENT,
                        "registry.example.com/startup:" + image, run);
                RecordedRequest first = sandbox.requests().get(0);
                double start = Duration.between(deploy.startedAt(), first.at()).toNanos() / 1e6;
                toFirst.add(start);
                afterFirst.add(deploy.wallMillis() - start);
                walls.add(deploy.wallMillis());
            }
            table.row(tool.label(), repetitions, Samples.millis(Percentiles.of(versions, 50)),
                    Samples.millis(Percentiles.of(toFirst, 50)), Samples.millis(Percentiles.of(afterFirst, 50)),
                    Samples.millis(Percentiles.of(walls, 50)), Samples.millis(Percentiles.of(walls, 95)));
        }
        return table;
    }

    /** The component's Workload exists and a WorkflowRun waits: each deploy is an annotated image update. */
    private void seed(String run) {
        if (sandbox.workload("default", COMPONENT + "-workload").isEmpty()) {
            sandbox.putWorkload("default", Workload.minimal(COMPONENT + "-workload", EngineDeploys.PROJECT, COMPONENT,
                    "registry.example.com/startup:0").toJson());
        }
        ObjectNode doc = Json.object();
        doc.putObject("metadata").put("name", run);
        doc.putObject("spec").put("workflow", "external-ci");
        sandbox.putWorkflowRun("default", doc);
    }
}
