package io.jenkins.plugins.openchoreo.sandbox;

/** What a client may do, after OpenChoreo's shipped roles. */
public enum Role {
    /** The CI role OpenChoreo ships: workloads and workflow runs only; the rest is 403. */
    WORKLOAD_PUBLISHER,
    /**
     * The CI role plus views: what following a rollout needs (component, release and release binding
     * views) and what a promotion reads (project, deployment pipeline, environment); no binding writes.
     */
    ROLLOUT_WATCHER,
    /** The views of {@link #ROLLOUT_WATCHER} plus releasebinding:create and releasebinding:update: promotion. */
    RELEASE_PROMOTER,
    /** Everything. */
    ADMIN;

    boolean allows(Route route) {
        return switch (route) {
            case NAMESPACE_LIST -> this == ADMIN;
            case COMPONENT_GET, RELEASEBINDING_LIST, RELEASEBINDING_GET, RELEASEBINDING_EVENTS, RELEASEBINDING_LOGS,
                    PROJECT_GET, DEPLOYMENTPIPELINE_GET, ENVIRONMENT_LIST, ENVIRONMENT_GET, COMPONENTRELEASE_GET ->
                    this != WORKLOAD_PUBLISHER;
            case RELEASEBINDING_CREATE, RELEASEBINDING_UPDATE -> this == RELEASE_PROMOTER || this == ADMIN;
            default -> true;
        };
    }
}
