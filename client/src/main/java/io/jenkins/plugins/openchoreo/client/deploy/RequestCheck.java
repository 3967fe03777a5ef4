package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.descriptor.Descriptor;
import io.jenkins.plugins.openchoreo.client.descriptor.DescriptorReader;
import io.jenkins.plugins.openchoreo.client.descriptor.OverlayArguments;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkloadOverlay;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkspaceFiles;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.rules.ImageReferences;
import io.jenkins.plugins.openchoreo.client.rules.Labels;
import io.jenkins.plugins.openchoreo.client.rules.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The first stage of a deploy: the raw {@link DeployRequest} checked and read before any network
 * call (names, image, labels, the descriptor and the argument fields), with every problem
 * reported at once, into a {@link CheckedRequest}.
 */
final class RequestCheck {

    /** What an image problem's hint says (the image rule's, {@link ImageReferences#HINT}). */
    static final String IMAGE_HINT = ImageReferences.HINT;

    private RequestCheck() {}

    /**
     * @param warnings hears what is allowed but doubtful (a mutable tag, a descriptor's warnings)
     * @throws InvalidRequestException with every problem found
     */
    static CheckedRequest check(DeployRequest request, WorkspaceFiles files, Consumer<String> warnings) {
        List<FieldError> problems = new ArrayList<>();
        names(problems, request);
        image(problems, request.image(), warnings);
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
        return new CheckedRequest(request, fromArguments.over(fromDescriptor),
                request.mode().resolve(request.descriptor() != null));
    }

    private static void names(List<FieldError> problems, DeployRequest request) {
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
    }

    /** A missing or malformed image is a problem; a mutable tag (:latest, or none) only a warning. */
    private static void image(List<FieldError> problems, String image, Consumer<String> warnings) {
        if (image == null || image.isEmpty()) {
            problems.add(FieldError.of("image", "the image is required (e.g. registry.example.com/app:1.2.3)")
                    .withHint(IMAGE_HINT));
            return;
        }
        Optional<String> imageProblem = ImageReferences.problem(image);
        if (imageProblem.isPresent()) {
            problems.add(FieldError.of("image", imageProblem.get()).withHint(IMAGE_HINT));
        } else {
            ImageReferences.mutableTagWarning(image).ifPresent(warnings);
        }
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
