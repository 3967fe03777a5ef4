package io.jenkins.plugins.openchoreo.client.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.api.WorkloadClient;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.model.Workload;

/**
 * Tells the portal's CI run view which Workload a build produced, as OpenChoreo's own CI does:
 * annotations {@code openchoreo.dev/workload} (the compact JSON sent) and
 * {@code openchoreo.dev/workload-from-source}, everything else of the WorkflowRun kept (but the
 * fields the API document marks readOnly, which a request must not carry). The run is read as
 * soon as this is made, beside the deploy's Workload list ({@link SideCall}), and written back
 * once the Workload is written. A run that cannot be read or written is a warning, unless the
 * request says {@code failOnWorkflowRunError}.
 */
final class WorkflowRunAnnotator implements AutoCloseable {

    static final String WORKLOAD_ANNOTATION = "openchoreo.dev/workload";
    static final String FROM_SOURCE_ANNOTATION = "openchoreo.dev/workload-from-source";

    private final WorkloadClient client;
    private final DeployRequest request;
    private final DeployProgress progress;
    private final SideCall<ObjectNode> reading;
    private ObjectNode document;
    private OpenChoreoException failure;

    /** Starts reading the request's WorkflowRun beside the caller. */
    WorkflowRunAnnotator(WorkloadClient client, DeployRequest request, DeployProgress progress) {
        this.client = client;
        this.request = request;
        this.progress = progress;
        String namespace = request.namespace();
        String run = request.workflowRun();
        this.reading = SideCall.start(() -> client.getWorkflowRun(namespace, run));
    }

    /**
     * Waits for the run as read, before anything is written: with failOnWorkflowRunError a run
     * that cannot be read fails the deploy here, with nothing written.
     */
    void awaitRead() {
        try {
            document = reading.join();
        } catch (OpenChoreoException e) {
            if (request.failOnWorkflowRunError() || e.code() == ErrorCode.ABORTED) {
                throw e;
            }
            failure = e;
        }
    }

    /** Writes the run back with the Workload {@code sent} (not in a dry run); whether it did. */
    boolean annotate(Workload sent) {
        if (failure == null && request.dryRun()) {
            return false;
        }
        if (failure == null) {
            try {
                write(sent);
                progress.step("Annotated WorkflowRun " + request.workflowRun() + " with the Workload");
                return true;
            } catch (OpenChoreoException e) {
                if (request.failOnWorkflowRunError()) {
                    throw e;
                }
                failure = e;
            }
        }
        progress.warn("The Workload was deployed, but WorkflowRun " + request.workflowRun()
                + " could not be annotated: " + failure.getMessage() + " (" + failure.hint() + ")");
        return false;
    }

    private void write(Workload sent) {
        ObjectNode annotations = Workload.object(Workload.object(document, "metadata"), "annotations");
        annotations.put(WORKLOAD_ANNOTATION, Json.compact(sent.toJson()));
        annotations.put(FROM_SOURCE_ANNOTATION, Boolean.toString(request.descriptor() != null));
        // apiVersion, kind and status are readOnly in OpenChoreo's API document: not sent back.
        document.remove(java.util.List.of("apiVersion", "kind", "status"));
        client.updateWorkflowRun(request.namespace(), request.workflowRun(), document);
    }

    /** Cancels the read if nobody took its answer: the main line ended first, or failed. */
    @Override
    public void close() {
        reading.close();
    }
}
