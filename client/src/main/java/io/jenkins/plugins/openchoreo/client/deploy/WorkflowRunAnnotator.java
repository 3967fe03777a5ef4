package io.jenkins.plugins.openchoreo.client.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.api.WorkloadClient;
import io.jenkins.plugins.openchoreo.client.model.Workload;

/**
 * Tells the portal's CI run view which Workload a build produced, as OpenChoreo's own CI does:
 * annotations {@code openchoreo.dev/workload} (the compact JSON sent) and
 * {@code openchoreo.dev/workload-from-source}, everything else of the WorkflowRun kept (but the
 * fields the API document marks readOnly, which a request must not carry).
 */
final class WorkflowRunAnnotator {

    static final String WORKLOAD_ANNOTATION = "openchoreo.dev/workload";
    static final String FROM_SOURCE_ANNOTATION = "openchoreo.dev/workload-from-source";

    private WorkflowRunAnnotator() {}

    /** Writes the run, as read before the Workload was written, back with the annotations, unless {@code dryRun}. */
    static void annotate(WorkloadClient client, String namespace, String run, ObjectNode doc, Workload sent,
            boolean fromSource, boolean dryRun) {
        if (dryRun) {
            return;
        }
        ObjectNode annotations = Workload.object(Workload.object(doc, "metadata"), "annotations");
        annotations.put(WORKLOAD_ANNOTATION, Json.compact(sent.toJson()));
        annotations.put(FROM_SOURCE_ANNOTATION, Boolean.toString(fromSource));
        // apiVersion, kind and status are readOnly in OpenChoreo's API document: not sent back.
        doc.remove(java.util.List.of("apiVersion", "kind", "status"));
        client.updateWorkflowRun(namespace, run, doc);
    }
}
