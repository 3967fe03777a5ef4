package io.jenkins.plugins.openchoreo.client.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkloadValidator;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import java.util.List;
import java.util.Map;

/**
 * The stage after the check: the Workload to write, made from a {@link CheckedRequest} in one of
 * three shapes. A new one ({@link #create}); an existing one updated image-only (the new image and
 * only the fields the arguments name, keeping what the platform or a person set) or replaced (the
 * whole Workload assembled from the descriptor and the arguments). Each is checked against the
 * Workload rules before anything is sent.
 */
final class WorkloadPlan {

    private final DeployRequest request;
    private final CheckedRequest checked;

    WorkloadPlan(CheckedRequest checked) {
        this.request = checked.request();
        this.checked = checked;
    }

    /** A new Workload: owner, image, descriptor and arguments, labels and annotations. */
    Workload create(String name) {
        Workload base = Workload.minimal(name, request.project(), request.component(), request.image());
        return labelled(checked.overlay().applyTo(base.toJson()));
    }

    /** The update of {@code existing} in the request's mode. */
    Workload update(Workload existing) {
        return checked.mode() == DeployMode.REPLACE ? replace(existing) : imageOnly(existing);
    }

    /** The existing Workload with the new image and only the fields the arguments name. */
    private Workload imageOnly(Workload existing) {
        return labelled(checked.overlay().applyTo(sendable(existing).withImage(request.image()).toJson()));
    }

    /** The new Workload under the existing name, keeping the server's openchoreo.dev/* metadata. */
    private Workload replace(Workload existing) {
        return create(existing.name()).edit(doc -> {
            ObjectNode metadata = Workload.object(doc, "metadata");
            keepPlatformEntries(Workload.object(metadata, "labels"), existing.labels());
            keepPlatformEntries(Workload.object(metadata, "annotations"), existing.annotations());
        });
    }

    /** Only what a PUT reads: name, labels, annotations and spec (no status or server metadata). */
    static Workload sendable(Workload workload) {
        ObjectNode from = workload.toJson();
        ObjectNode doc = Json.object();
        ObjectNode metadata = doc.putObject("metadata");
        metadata.put("name", workload.name());
        if (from.path("metadata").has("labels")) {
            metadata.set("labels", from.path("metadata").path("labels"));
        }
        if (from.path("metadata").has("annotations")) {
            metadata.set("annotations", from.path("metadata").path("annotations"));
        }
        doc.set("spec", from.path("spec").isObject() ? from.path("spec") : doc.objectNode());
        return Workload.of(doc);
    }

    /** The document with the request's labels and annotations, checked. */
    private Workload labelled(ObjectNode doc) {
        putAll(Workload.object(Workload.object(doc, "metadata"), "labels"), request.labels());
        putAll(Workload.object(Workload.object(doc, "metadata"), "annotations"), request.annotations());
        Workload workload = Workload.of(doc);
        List<FieldError> problems = WorkloadValidator.validate(workload.toJson(), "Workload " + workload.name());
        if (!problems.isEmpty()) {
            throw RequestCheck.invalid(ErrorCode.INVALID_ARGUMENT, problems);
        }
        return workload;
    }

    private static void keepPlatformEntries(ObjectNode target, Map<String, String> existing) {
        existing.forEach((key, value) -> {
            if (key.startsWith(Workload.LABEL_PREFIX) && !target.has(key)) {
                target.put(key, value);
            }
        });
    }

    private static void putAll(ObjectNode target, Map<String, String> entries) {
        entries.forEach(target::put);
    }
}
