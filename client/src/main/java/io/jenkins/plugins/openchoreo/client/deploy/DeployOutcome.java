package io.jenkins.plugins.openchoreo.client.deploy;

import java.util.Locale;

/** What a deploy did to the Workload (or, in a dry run, would do). */
public enum DeployOutcome {
    CREATED, UPDATED, UNCHANGED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
