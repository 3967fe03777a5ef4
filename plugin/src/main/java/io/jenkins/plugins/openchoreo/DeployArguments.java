package io.jenkins.plugins.openchoreo;

/**
 * What the Pipeline step and the post-build action both describe, read by {@link DeployExecution}.
 * Plain strings: {@code env}, {@code labels} and {@code annotations} take one {@code KEY=value}
 * per line (Pipeline's data binding cannot bind a map, and a text area binds a string).
 */
public interface DeployArguments extends ConnectionArguments {

    String getComponent();

    String getImage();

    String getNamespace();

    String getProject();

    String getWorkloadName();

    String getDescriptorPath();

    String getEnv();

    String getEndpoints();

    String getFiles();

    String getDependencies();

    String getLabels();

    String getAnnotations();

    String getMode();

    String getWorkflowRun();

    boolean isFailOnWorkflowRunError();

    boolean isDryRun();

    /** Follow the deploy until its release is Ready (off by default). */
    boolean isWait();

    /** The environment to wait for; null for the configured default, else the component's first. */
    String getEnvironment();

    /** How long to wait, e.g. {@code 10m}, {@code 90s}, {@code 1h30m} or minutes; null for the default. */
    String getWaitTimeout();

    /** Whether a rollout that cannot be followed fails the deploy instead of being a warning. */
    boolean isStrictWait();

    /** Whether a rollout that does not become Ready reports its pods' last log lines (masked, bounded). */
    boolean isShowLogs();
}
