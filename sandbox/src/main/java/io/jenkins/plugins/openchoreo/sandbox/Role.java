package io.jenkins.plugins.openchoreo.sandbox;

import java.util.Set;

/**
 * What a client may do: a set of OpenChoreo actions ({@code resource:verb}), after the roles its
 * control-plane Helm chart ships ({@code install/helm/openchoreo-control-plane/values.yaml},
 * {@code openChoreoApi.config.security.authorization.bootstrap.roles}, OpenChoreo @ad3f503).
 */
public enum Role {
    /** The CI role OpenChoreo ships ({@code workload-publisher}): workloads and workflow runs only. */
    WORKLOAD_PUBLISHER("workload:create", "workload:update", "workload:view", "workflowrun:view",
            "workflowrun:update"),
    /**
     * Not shipped: the CI role plus {@code component:view} and {@code componentrelease:view}, but
     * not {@code releasebinding:view}: a client that sees the release made but none of its bindings.
     */
    RELEASE_WATCHER("workload:create", "workload:update", "workload:view", "workflowrun:view", "workflowrun:update",
            "component:view", "componentrelease:view"),
    /** Not shipped: the CI role plus the views that following a rollout needs (an administrator's addition). */
    ROLLOUT_WATCHER("workload:create", "workload:update", "workload:view", "workflowrun:view", "workflowrun:update",
            "component:view", "componentrelease:view", "releasebinding:view"),
    /**
     * Not shipped: every view a promotion makes (project, deployment pipeline, environments,
     * releases, bindings) but no binding writes: a client refused at the write.
     */
    RELEASE_READER("workload:create", "workload:update", "workload:view", "workflowrun:view", "workflowrun:update",
            "component:view", "componentrelease:view", "releasebinding:view", "project:view",
            "deploymentpipeline:view", "environment:view"),
    /**
     * Not shipped: {@link #RELEASE_READER} plus {@code releasebinding:create} and {@code releasebinding:update},
     * what promotion needs (a platform administrator's release-promoter role).
     */
    RELEASE_PROMOTER("workload:create", "workload:update", "workload:view", "workflowrun:view", "workflowrun:update",
            "component:view", "componentrelease:view", "releasebinding:view", "project:view",
            "deploymentpipeline:view", "environment:view", "releasebinding:create", "releasebinding:update"),
    /** OpenChoreo's {@code admin}: every action. */
    ADMIN("*");

    private final Set<String> actions;

    Role(String... actions) {
        this.actions = Set.of(actions);
    }

    /** Whether the role allows an action such as {@code releasebinding:view}. */
    public boolean allows(String action) {
        return actions.contains("*") || actions.contains(action);
    }
}
