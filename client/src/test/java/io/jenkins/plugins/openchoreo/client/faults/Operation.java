package io.jenkins.plugins.openchoreo.client.faults;

import io.jenkins.plugins.openchoreo.sandbox.Route;

/** The calls of a deploy a fault can hit, each by the sandbox route it arrives on. */
public enum Operation {
    /** The client credentials token request. */
    TOKEN(Route.TOKEN),
    /** The Workload look-up by component. */
    FIND(Route.WORKLOAD_LIST),
    CREATE(Route.WORKLOAD_CREATE),
    UPDATE(Route.WORKLOAD_UPDATE),
    /** Reading the WorkflowRun to annotate. */
    RUN_GET(Route.WORKFLOWRUN_GET),
    /** Writing the annotated WorkflowRun back. */
    RUN_UPDATE(Route.WORKFLOWRUN_UPDATE);

    final Route route;

    Operation(Route route) {
        this.route = route;
    }

    boolean annotatesRun() {
        return this == RUN_GET || this == RUN_UPDATE;
    }
}
