package io.jenkins.plugins.openchoreo.client.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.descriptor.Descriptor;
import io.jenkins.plugins.openchoreo.client.descriptor.DescriptorReader;
import io.jenkins.plugins.openchoreo.client.descriptor.Names;
import io.jenkins.plugins.openchoreo.client.descriptor.OverlayArguments;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkloadOverlay;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkloadValidator;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkspaceFiles;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A deploy request checked and read before any network call: names, image, labels, the
 * descriptor and the argument fields, with every problem reported at once. Then the three ways
 * of making the Workload to send: a new one, an image-only update, a replacement.
 */
final class DeployInputs {

    private static final Pattern LABEL_NAME = Pattern.compile("([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?"
            + "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    /**
     * An image reference as container runtimes parse it (the distribution project's grammar):
     * an optional registry host and port, lowercase path components, a tag, a digest. The API
     * takes any string, but the kubelet then fails with InvalidImageName long after the build.
     */
    private static final Pattern IMAGE_REFERENCE;

    static {
        String component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
        String hostPart = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
        String host = "(?:" + hostPart + "(?:\\." + hostPart + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
        String tag = "[\\w][\\w.-]{0,127}";
        String digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
        IMAGE_REFERENCE = Pattern.compile("(?:" + host + "/)?" + component + "(?:/" + component + ")*"
                + "(?::" + tag + ")?(?:@" + digest + ")?");
    }

    /** The longest repository name container registries accept. */
    private static final int IMAGE_NAME_MAX = 255;

    static final String IMAGE_HINT = "Give the image as you pushed it: [registry[:port]/]path[:tag][@digest], "
            + "the path in lowercase, e.g. registry.example.com/team/app:1.2.3.";

    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

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
        } else if (request.image().chars().anyMatch(DeployInputs::blankOrControl)) {
            problems.add(FieldError.of("image", "the image \"" + Names.printable(request.image())
                    + "\" contains whitespace").withHint(IMAGE_HINT));
        } else if (!IMAGE_REFERENCE.matcher(request.image()).matches() || imageName(request.image()).length()
                > IMAGE_NAME_MAX) {
            problems.add(FieldError.of("image", "the image \"" + Names.printable(request.image()) + "\" is not an "
                    + "image reference: [registry[:port]/]lowercase/path[:tag][@sha256:digest], the name at most "
                    + IMAGE_NAME_MAX + " characters (e.g. registry.example.com/team/app:1.2.3)").withHint(IMAGE_HINT));
        } else {
            mutableTagWarning(request.image()).ifPresent(warnings);
        }
        checkLabels(problems, "labels", request.labels(), true);
        checkLabels(problems, "annotations", request.annotations(), false);

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

    /**
     * A warning for an image without a tag or with {@code :latest} (and no digest): the next build
     * that pushes the same reference sends the same Workload, so nothing changes and nothing rolls out.
     */
    static java.util.Optional<String> mutableTagWarning(String image) {
        if (image.contains("@")) {
            return java.util.Optional.empty();
        }
        String name = imageName(image);
        String tag = name.length() < image.length() ? image.substring(name.length() + 1) : null;
        if (tag != null && !tag.equals("latest")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("The image " + image + (tag == null ? " has no tag (so it means :latest)"
                : " is tagged :latest") + ": a later build that pushes the same reference leaves the Workload "
                + "unchanged, so OpenChoreo makes no new release. Tag each build (the version or the commit) "
                + "or deploy by digest.");
    }

    /** The repository part of an image reference: without tag and digest. */
    private static String imageName(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(0, colon) : name;
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
        ObjectNode doc = io.jenkins.plugins.openchoreo.client.Json.object();
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

    private static void checkLabels(List<FieldError> problems, String what, Map<String, String> entries,
            boolean checkValues) {
        entries.forEach((key, value) -> {
            if (key == null || !LABEL_NAME.matcher(key).matches()) {
                problems.add(FieldError.of(what, "\"" + key + "\" is not a valid key: an optional DNS prefix and '/', "
                        + "then at most 63 letters, digits, '-', '_' or '.'"));
            } else if (value == null || checkValues && !LABEL_VALUE.matcher(value).matches()) {
                problems.add(FieldError.of(what + "." + key, "\"" + value + "\" is not a valid label value: at most 63 "
                        + "letters, digits, '-', '_' or '.', starting and ending with a letter or digit"));
            }
        });
    }

    /** Whitespace, including the no-break spaces that copying from a web page brings, or a control character. */
    private static boolean blankOrControl(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    /** A name's problem, with the naming rule as its hint. */
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
