package io.jenkins.plugins.openchoreo.client.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * What a running deploy tells, and since when it runs: each step goes to the listener, each
 * warning to the listener and into the result. The one way a deploy warns, from the request's
 * check to the rollout.
 */
final class DeployProgress {

    private final DeployListener listener;
    private final long started = System.nanoTime();
    private final List<String> warnings = new ArrayList<>();

    DeployProgress(DeployListener listener) {
        this.listener = listener;
    }

    void step(String message) {
        listener.step(message);
    }

    /** Something that does not fail the deploy: kept for the result and told now. */
    void warn(String warning) {
        warnings.add(warning);
        listener.warning(warning);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    long elapsedMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
