package io.jenkins.plugins.openchoreo.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tables of one run, filled as the scenarios finish, and the Markdown section made of them. */
final class BenchReport {

    /** The targets (API requests / identity-provider requests per deploy), where it sets one. */
    private static final Map<String, String> TARGETS = Map.of(
            "first create", "– / 1 per token",
            "image update", "2 / 0",
            "descriptor update", "– / 0",
            "unchanged", "1 / 0",
            DeployScenarios.ANNOTATED, "4 / 0, 3 in sequence");

    final MarkdownTable perDeploy = new MarkdownTable("latency", "deploy", "deploys", "round trips in sequence / all",
            "API req/deploy", "IdP req/deploy", "target API / IdP", "p50 ms", "p95 ms", "p50 wall÷floor",
            "p95 wall÷floor");
    final MarkdownTable tokens = new MarkdownTable("latency", "scenario", "API requests", "IdP requests",
            "tokens issued", "target tokens", "wall ms");
    final MarkdownTable tools = new MarkdownTable("latency", "deploy", "tool", "runs", "round trips in sequence / all",
            "API / IdP req", "p50 ms", "p95 ms", "p50 ÷ script's p50", "p95 ÷ script's p95", "p50 wall÷floor");
    MarkdownTable startup;
    String load;
    /** "latency|deploy" → tool → p50 ÷ the script's p50, for the summary under the tools' table. */
    private final Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
    private long highestLatency;
    MarkdownTable fields;
    MarkdownTable waiting;
    MarkdownTable faults;

    void addDeploys(long latency, String deploy, Samples samples) {
        perDeploy.row(latency + " ms", deploy, samples.count(), samples.roundTripsPerDeploy(), samples.apiPerDeploy(),
                samples.identityProviderPerDeploy() + " (total " + samples.identityProviderTotal() + ")",
                TARGETS.getOrDefault(deploy, "–"), Samples.millis(samples.wallPercentile(50)),
                Samples.millis(samples.wallPercentile(95)), Samples.ratio(samples.ratioPercentile(50)),
                Samples.ratio(samples.ratioPercentile(95)));
    }

    void addTokens(long latency, TokenScenarios.Outcome outcome) {
        tokens.row(latency + " ms", outcome.scenario(), outcome.apiRequests(), outcome.identityProviderCalls(),
                outcome.tokensIssued(), outcome.expected(), Samples.millis(outcome.wallMillis()));
    }

    /** The tools' rows of one deploy kind at one latency; the guide's script comes first and is the yardstick. */
    void addTools(long latency, String deploy, Map<String, Samples> byTool) {
        Samples script = byTool.get(ToolComparison.SCRIPT);
        highestLatency = Math.max(highestLatency, latency);
        Map<String, Double> byRatio = ratios.computeIfAbsent(latency + "|" + deploy, k -> new LinkedHashMap<>());
        byTool.forEach((tool, samples) -> byRatio.put(tool, samples.wallPercentile(50) / script.wallPercentile(50)));
        byTool.forEach((tool, samples) -> tools.row(latency + " ms", deploy, tool, samples.count(),
                samples.roundTripsPerDeploy(), samples.apiPerDeploy() + " / " + samples.identityProviderPerDeploy(),
                Samples.millis(samples.wallPercentile(50)), Samples.millis(samples.wallPercentile(95)),
                Samples.ratio(samples.wallPercentile(50) / script.wallPercentile(50)),
                Samples.ratio(samples.wallPercentile(95) / script.wallPercentile(95)),
                Samples.ratio(samples.ratioPercentile(50))));
    }

    /** The update at the highest latency, each way of starting the CLI against the script: the yardstick. */
    String summary() {
        Map<String, Double> update = ratios.get(highestLatency + "|update");
        if (update == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("At " + highestLatency + " ms, an image update's p50 in the guide's "
                + "script's time:");
        update.forEach((tool, ratio) -> {
            if (!tool.equals(ToolComparison.SCRIPT)) {
                out.append("\n- ").append(tool).append(": ").append(Samples.ratio(ratio)).append('×');
            }
        });
        return out.append('\n').toString();
    }

    String section(String date, String machine, String settings, String toolVersions) {
        StringBuilder out = new StringBuilder();
        out.append(PerformanceDoc.HEADING).append("\n\n");
        out.append("Written by `bench/run.sh` (module `bench/`, Maven profile `bench`). Compare ratios within "
                + "one run, not absolute times across runs.\n\n");
        out.append("- date: ").append(date).append('\n');
        out.append("- machine: ").append(machine).append('\n');
        out.append("- tools: ").append(toolVersions).append('\n');
        out.append("- settings: ").append(settings).append('\n');
        out.append("- machine load (`uptime`): ").append(load).append("\n\n");
        out.append("### Requests and wall time per deploy (engine in-process, one shared token cache)\n\n");
        out.append("The floor of a deploy is its round trips in sequence × the injected latency (round trips that "
                + "overlap cost one latency together: the WorkflowRun's GET runs beside the Workload list); "
                + "wall÷floor is per deploy, then its p50 and p95 (n/a without injected latency).\n\n");
        out.append(perDeploy.render()).append('\n');
        out.append("### Identity-provider calls with one credential and one shared TokenCache\n\n");
        out.append("Image updates of components that already have a Workload. The cache refreshes a token a fifth "
                + "of its lifetime before it expires. With `auto` client authentication (the default) "
                + "`client_secret_post` is tried first, as OpenChoreo's default CI client uses it; a client registered "
                + "for `client_secret_basic` costs one more request for the first token, and the method that worked "
                + "is remembered for later tokens.\n\n");
        out.append(tokens.render()).append('\n');
        out.append("### The guide's GitHub Actions script (curl + jq) and the CLI, side by side\n\n");
        out.append("Each deploy is a fresh process, as in CI, against the same sandbox, with the token URL given; all "
                + "annotate a WorkflowRun, since the guide's script always does. The script names the Workload "
                + "`<component>` (an update is its POST's 409, then a PUT), the CLI finds the component's Workload or "
                + "creates `<component>-workload`. A new process has no token cache, so each deploy fetches one "
                + "token. The CLI is started as `java -jar` and through the `cli/openchoreo` launcher with each Java "
                + "the build made a start-up archive for; \"before\" rows are the baseline commit's jar and launcher. "
                + "Ratios divide by the guide's script's figure of the same deploy and latency in this run.\n\n");
        out.append(tools.render()).append('\n');
        out.append(summary()).append('\n');
        out.append("### Where a CLI process's time goes (no injected latency)\n\n");
        out.append("`--version` is the JVM's start and the command line's, with no request. For an annotated image "
                + "update: from the process's start to its first request reaching the sandbox (JVM start, command "
                + "line, HTTP client, token request), then from there to the process's end (four more requests and "
                + "the work between them, then the exit).\n\n");
        out.append(startup == null ? "(not run)\n" : startup.render()).append('\n');
        out.append("### Following a deploy to Ready (wait, default poll interval)\n\n");
        out.append("One image update with `wait` while the release takes the rollout time to become Ready: the "
                + "polls (component, then the environment's ReleaseBinding) back off from 2 s by half to 15 s.\n\n");
        out.append(waiting == null ? "(not run)\n" : waiting.render()).append('\n');
        out.append("### What the guide's script loses: fields after an image update\n\n");
        out.append("A rich Workload is seeded (command, env with a secretKeyRef, files, endpoints, dependencies, "
                + "labels, annotations), under the guide's name `<c>` and under the convention `<c>-workload`; "
                + "then each tool deploys a new image. Fields are read from the Workload that has the new image. "
                + "The script PUTs a whole minimal Workload over `<c>`, and next to `<c>-workload` it creates a "
                + "second Workload `<c>`, which leaves the component with two (OpenChoreo expects one).\n\n");
        out.append(fields == null ? "(not run)\n" : fields.render()).append('\n');
        out.append("### The fault matrix: every fault on every call of a deploy\n\n");
        out.append("Each fault the sandbox can inject (error statuses with and without Retry-After, silence, slow "
                + "bodies, dropped connections, HTML and oversized answers, echoed secrets, expired tokens, an identity "
                + "provider going down) on each call of an annotated deploy, in a namespace of its own; the expected "
                + "outcome of each is the client's `FaultKind` table, which its `FaultMatrixTest` asserts.\n\n");
        out.append(faults == null ? "(not run)\n" : faults.render());
        return out.toString();
    }
}
