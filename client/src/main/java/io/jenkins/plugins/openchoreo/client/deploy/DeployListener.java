package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.http.CallObserver;

/**
 * Hears a deploy's progress: each step, each warning, and (as a {@link CallObserver}) each HTTP
 * attempt and retry. The plugin prints to the build log, the CLI to stderr. Texts are masked. A
 * call the deploy runs beside its main line (the WorkflowRun's GET) reports its attempts and
 * retries from its own thread, so implementations must take calls from two threads at once.
 */
public interface DeployListener extends CallObserver {

    DeployListener NONE = new DeployListener() {};

    /** A step of the deploy, e.g. "Found Workload greeter-workload (image …)". */
    default void step(String message) {}

    /** Something went wrong that does not fail the deploy. */
    default void warning(String message) {}
}
