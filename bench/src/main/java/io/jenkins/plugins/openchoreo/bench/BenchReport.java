package io.jenkins.plugins.openchoreo.bench;

import java.util.Map;

/** The tables of one run, filled as the scenarios finish, and the Markdown section made of them. */
final class BenchReport {

    /** The targets (API requests / identity-provider requests per deploy), where it sets one. */
    private static final Map<String, String> TARGETS = Map.of(
            "first create", "– / 1 per token",
            "image update", "2 / 0",
            "descriptor update", "– / 0",
            "unchanged", "1 / 0");

    final MarkdownTable perDeploy = new MarkdownTable("latency", "deploy", "deploys", "API req/deploy",
            "IdP req/deploy", "target API / IdP", "p50 ms", "p95 ms", "p50 wall÷floor", "p95 wall÷floor");
    final MarkdownTable tokens = new MarkdownTable("latency", "scenario", "API requests", "IdP requests",
            "tokens issued", "target tokens", "wall ms");
    final MarkdownTable tools = new MarkdownTable("latency", "tool: deploy", "runs", "API req/deploy",
            "IdP req/deploy", "p50 ms", "p95 ms", "p50 wall÷floor", "p95 wall÷floor");
    final MarkdownTable coldStart = new MarkdownTable("command", "runs", "p50 ms", "p95 ms");
    MarkdownTable fields;
    MarkdownTable waiting;

    void addDeploys(long latency, String deploy, Samples samples) {
        perDeploy.row(latency + " ms", deploy, samples.count(), samples.apiPerDeploy(),
                samples.identityProviderPerDeploy() + " (total " + samples.identityProviderTotal() + ")",
                TARGETS.getOrDefault(deploy, "–"), Samples.millis(samples.wallPercentile(50)),
                Samples.millis(samples.wallPercentile(95)), Samples.ratio(samples.ratioPercentile(50)),
                Samples.ratio(samples.ratioPercentile(95)));
    }

    void addTokens(long latency, TokenScenarios.Outcome outcome) {
        tokens.row(latency + " ms", outcome.scenario(), outcome.apiRequests(), outcome.identityProviderCalls(),
                outcome.tokensIssued(), outcome.expected(), Samples.millis(outcome.wallMillis()));
    }

    void addTool(long latency, String deploy, Samples samples) {
        tools.row(latency + " ms", deploy, samples.count(), samples.apiPerDeploy(),
                samples.identityProviderPerDeploy(), Samples.millis(samples.wallPercentile(50)),
                Samples.millis(samples.wallPercentile(95)), Samples.ratio(samples.ratioPercentile(50)),
                Samples.ratio(samples.ratioPercentile(95)));
    }

    String section(String date, String machine, String settings, String toolVersions) {
        StringBuilder out = new StringBuilder();
        out.append(PerformanceDoc.HEADING).append("\n\n");
        out.append("Written by `bench/run.sh` (module `bench/`, Maven profile `bench`). Compare ratios within "
                + "one run, not absolute times across runs.\n\n");
        out.append("- date: ").append(date).append('\n');
        out.append("- machine: ").append(machine).append('\n');
        out.append("- tools: ").append(toolVersions).append('\n');
        out.append("- settings: ").append(settings).append("\n\n");
        out.append("### Requests and wall time per deploy (engine in-process, one shared token cache)\n\n");
        out.append("The floor of a deploy is its round trips × the injected latency; wall÷floor is per deploy, "
                + "then its p50 and p95 (n/a without injected latency).\n\n");
        out.append(perDeploy.render()).append('\n');
        out.append("### Identity-provider calls with one credential and one shared TokenCache\n\n");
        out.append("Image updates of components that already have a Workload. The cache refreshes a token a fifth "
                + "of its lifetime before it expires. With `auto` client authentication (the default) "
                + "`client_secret_post` is tried first, as OpenChoreo's default CI client uses it; a client registered "
                + "for `client_secret_basic` costs one more request for the first token, and the method that worked "
                + "is remembered for later tokens.\n\n");
        out.append(tokens.render()).append('\n');
        out.append("### The guide's GitHub Actions script (curl + jq) and the CLI, side by side\n\n");
        out.append("Each deploy is a fresh process, as in CI, against the same sandbox; both annotate a "
                + "WorkflowRun, since the guide's script always does. The script names the Workload `<component>`, "
                + "the CLI finds the component's Workload or creates `<component>-workload`. A new process "
                + "has no token cache, so each deploy fetches one token. The CLI runs as `java -jar` without its "
                + "class data sharing launcher (see CLI cold start below): its JVM start dominates at low latency.\n\n");
        out.append(tools.render()).append('\n');
        out.append("### CLI cold start (this run)\n\n");
        out.append(coldStart.render()).append('\n');
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
        out.append(fields == null ? "(not run)\n" : fields.render());
        return out.toString();
    }
}
