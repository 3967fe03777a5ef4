package io.jenkins.plugins.openchoreo.sandbox;

/** What a client may do, after OpenChoreo's shipped roles. */
public enum Role {
    /** The CI role: workloads and workflow runs only; namespaces and components are 403. */
    WORKLOAD_PUBLISHER,
    /** Everything. */
    ADMIN;

    boolean allows(Route route) {
        return this == ADMIN || route != Route.NAMESPACE_LIST && route != Route.COMPONENT_GET;
    }
}
