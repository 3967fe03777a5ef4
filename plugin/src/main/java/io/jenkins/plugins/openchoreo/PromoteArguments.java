package io.jenkins.plugins.openchoreo;

/** What the promote step and its post-build action both describe, read by {@link PromoteExecution}. */
public interface PromoteArguments extends ConnectionArguments {

    String getComponent();

    /** The environment whose bound release is promoted. */
    String getFrom();

    /** The environment to promote to. */
    String getTo();

    /** A ComponentRelease to promote instead of the one bound in {@link #getFrom()}; null for that one. */
    String getRelease();

    String getNamespace();

    String getProject();

    boolean isDryRun();

    /** Follow the promotion until the release is Ready in {@link #getTo()} (off by default). */
    boolean isWait();

    /** How long to wait, as {@link WaitTimeout} reads it; null for the default. */
    String getWaitTimeout();

    /** Whether a 403 while waiting fails the promotion instead of being a warning. */
    boolean isStrictWait();

    /** Whether a rollout that does not become Ready reports its pods' log lines too (they may hold secrets). */
    boolean isShowLogs();
}
