package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How {@code deploy} and {@code promote} follow their write to Ready: the same options for both. */
final class WaitArguments {

    @Option(names = "--wait", defaultValue = "${env:OPENCHOREO_WAIT:-false}", description = "After the write, "
            + "follow the release until it is Ready in the environment, and report its endpoint URLs "
            + "(env OPENCHOREO_WAIT). Needs component, release and release binding view permissions; without "
            + "them a warning, unless --strict-wait.")
    boolean waitForReady;

    @Option(names = "--wait-timeout", defaultValue = "${env:OPENCHOREO_WAIT_TIMEOUT:-600}", paramLabel = "SECONDS",
            description = "How long to wait for Ready, in seconds (env OPENCHOREO_WAIT_TIMEOUT; default "
                    + "${DEFAULT-VALUE}).")
    int waitTimeout;

    @Option(names = "--poll-interval", defaultValue = "${env:OPENCHOREO_POLL_INTERVAL:-2}", paramLabel = "SECONDS",
            description = "First pause between polls while waiting; it grows to 15 s (default ${DEFAULT-VALUE}).")
    int pollInterval;

    @Option(names = "--strict-wait", description = "Fail (before writing, where that can be known) when the "
            + "rollout cannot be followed (a missing view permission, no visible ReleaseBinding, auto-deploy off), "
            + "instead of a warning.")
    boolean strictWait;

    @Option(names = "--show-logs", defaultValue = "${env:OPENCHOREO_SHOW_LOGS:-false}", description = "With --wait: "
            + "when the release does not become Ready, add its pods' last log lines (masked, at most 20 a pod) to "
            + "the error, besides their states and events (env OPENCHOREO_SHOW_LOGS). Off by default: application "
            + "logs may hold its secrets.")
    boolean showLogs;

    /** How to wait for this environment (null: the engine's choice), or null without --wait. */
    WaitOptions options(String environment) {
        if (!waitForReady) {
            return null;
        }
        if (waitTimeout < 1 || pollInterval < 1) {
            throw ConnectionOptions.usage("--wait-timeout and --poll-interval are whole seconds, at least 1");
        }
        return WaitOptions.defaults().withEnvironment(environment).withTimeout(Duration.ofSeconds(waitTimeout))
                .withIntervals(Duration.ofSeconds(pollInterval), WaitOptions.DEFAULT_MAX_INTERVAL)
                .withStrict(strictWait).withShowLogs(showLogs);
    }
}
