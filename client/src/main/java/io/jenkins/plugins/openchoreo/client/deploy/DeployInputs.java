package io.jenkins.plugins.openchoreo.client.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.descriptor.Descriptor;
import io.jenkins.plugins.openchoreo.client.descriptor.DescriptorReader;
import io.jenkins.plugins.openchoreo.client.descriptor.OverlayArguments;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkloadOverlay;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkloadValidator;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkspaceFiles;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.client.rules.ImageReferences;
import io.jenkins.plugins.openchoreo.client.rules.Labels;
import io.jenkins.plugins.openchoreo.client.rules.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A deploy request checked and read before any network call: names, image, labels, the
 * descriptor and the argument fields, with every problem reported at once. Then the three ways
 * of making the Workload to send: a new one, an image-only update, a replacement.
 */
final class DeployInputs {

    /** What an image problem's hint says (the image rule's, {@link ImageReferences#HINT}). */
    static final String IMAGE_HINT = ImageReferences.HINT;

    private final DeployRequest request;
    private final WorkloadOverlay overlay;
    private final DeployMode mode;

    private DeployInputs(DeployRequest request, WorkloadOverlay overlay, DeployMode mode) {
        this.request = request;
        this.overlay = overlay;
        this.mode = mode;
    }

    static DeployInputs prepare(DeployRequest request, WorkspaceFiles files, Consumer<String> warnings) {
        List<FieldError> problems = new ArrayList<>();
        check(problems, "namespace", Names.problem("namespace", request.namespace()).orElse(null));
        check(problems, "project", Names.problem("project", request.project()).orElse(null));
        check(problems, "component", Names.problem("component", request.component()).orElse(null));
        if (request.workloadName() != null) {
            check(problems, "workloadName",
                    Names.problemWithLength("workload name", request.workloadName(), 253).orElse(null));
        }
        if (request.workflowRun() != null) {
            // Checked here too, not only when the run is annotated: after the Workload was written.
            check(problems, "workflowRun",
                    Names.problemWithLength("WorkflowRun name", request.workflowRun(), 253).orElse(null));
        }
        if (request.image() == null || request.image().isEmpty()) {
            problems.add(FieldError.of("image", "the image is required (e.g. registry.example.com/app:1.2.3)")
                    .withHint(IMAGE_HINT));
        } else {
            Optional<String> imageProblem = ImageReferences.problem(request.image());
            if (imageProblem.isPresent()) {
                problems.add(FieldError.of("image", imageProblem.get()).withHint(IMAGE_HINT));
            } else {
                ImageReferences.mutableTagWarning(request.image()).ifPresent(warnings);
            }
        }
        problems.addAll(Labels.problems("labels", request.labels(), true));
        problems.addAll(Labels.problems("annotations", request.annotations(), false));

        // Both readers report every problem as a field error (never an empty list).
        WorkloadOverlay fromDescriptor = WorkloadOverlay.empty();
        WorkloadOverlay fromArguments = WorkloadOverlay.empty();
        List<FieldError> descriptorProblems = List.of();
        if (request.descriptor() != null) {
            try {
                Descriptor descriptor = new DescriptorReader(files).read(request.descriptor());
                descriptor.warnings().forEach(warnings);
                fromDescriptor = descriptor.overlay();
            } catch (InvalidRequestException e) {
                descriptorProblems = e.fieldErrors();
                problems.addAll(descriptorProblems);
            }
        }
        try {
            fromArguments = OverlayArguments.parse(request.env(), request.endpoints(), request.files(),
                    request.dependencies(), files);
        } catch (InvalidRequestException e) {
            problems.addAll(e.fieldErrors());
        }
        if (!problems.isEmpty()) {
            // A descriptor error only when the descriptor is all that is wrong: its hint says to fix workload.yaml.
            throw invalid(problems.size() == descriptorProblems.size() ? ErrorCode.INVALID_DESCRIPTOR
                    : ErrorCode.INVALID_ARGUMENT, problems);
        }
        return new DeployInputs(request, fromArguments.over(fromDescriptor),
                request.mode().resolve(request.descriptor() != null));
    }

    DeployMode mode() {
        return mode;
    }

    /** A new Workload: owner, image, descriptor and arguments, labels and annotations. */
    Workload assemble(String name) {
        Workload base = Workload.minimal(name, request.project(), request.component(), request.image());
        ObjectNode doc = overlay.applyTo(base.toJson());
        putAll(Workload.object(Workload.object(doc, "metadata"), "labels"), request.labels());
        putAll(Workload.object(Workload.object(doc, "metadata"), "annotations"), request.annotations());
        return checked(Workload.of(doc));
    }

    /** The existing Workload with the new image and only the fields the arguments name. */
    Workload imageOnly(Workload existing) {
        ObjectNode doc = overlay.applyTo(sendable(existing).withImage(request.image()).toJson());
        putAll(Workload.object(Workload.object(doc, "metadata"), "labels"), request.labels());
        putAll(Workload.object(Workload.object(doc, "metadata"), "annotations"), request.annotations());
        return checked(Workload.of(doc));
    }

    /** The assembled Workload under the existing name, keeping the server's openchoreo.dev/* metadata. */
    Workload replace(Workload existing) {
        Workload assembled = assemble(existing.name());
        return assembled.edit(doc -> {
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

    private Workload checked(Workload workload) {
        List<FieldError> problems = WorkloadValidator.validate(workload.toJson(), "Workload " + workload.name());
        if (!problems.isEmpty()) {
            throw invalid(ErrorCode.INVALID_ARGUMENT, problems);
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

    private static void check(List<FieldError> problems, String field, String problem) {
        if (problem != null) {
            problems.add(FieldError.of(field, problem).withHint(Names.HINT));
        }
    }

    static InvalidRequestException invalid(ErrorCode code, List<FieldError> problems) {
        StringBuilder message = new StringBuilder(problems.size() == 1 ? "The deploy has a problem:"
                : "The deploy has " + problems.size() + " problems:");
        problems.forEach(p -> message.append(System.lineSeparator()).append("  - ").append(p));
        return new InvalidRequestException(code, message.toString(), problems, null, null, 0, null);
    }
}
