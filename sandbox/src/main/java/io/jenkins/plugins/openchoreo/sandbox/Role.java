package io.jenkins.plugins.openchoreo.sandbox;

/** What a client may do, after OpenChoreo's shipped roles. */
public enum Role {
    /** The CI role OpenChoreo ships: workloads and workflow runs only; the rest is 403. */
    WORKLOAD_PUBLISHER,
    /** The CI role plus what following a rollout needs: component, release and release binding views. */
    ROLLOUT_WATCHER,
    /** Everything. */
    ADMIN;

    boolean allows(Route route) {
        return switch (route) {
            case NAMESPACE_LIST -> this == ADMIN;
            case COMPONENT_GET, RELEASEBINDING_LIST, RELEASEBINDING_GET, RELEASEBINDING_EVENTS, RELEASEBINDING_LOGS ->
                    this != WORKLOAD_PUBLISHER;
            default -> true;
        };
    }
}
