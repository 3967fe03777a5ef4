package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;

/**
 * Reads an OpenChoreo {@code workload.yaml} the way {@code occ workload create --descriptor} does,
 * into a {@link WorkloadOverlay}. Every problem of the file is reported at once, in one
 * {@link InvalidRequestException} with {@link ErrorCode#INVALID_DESCRIPTOR}; unknown keys are warnings.
 */
public final class DescriptorReader {

    private static final String FILE = "file";

    private final WorkspaceFiles files;

    public DescriptorReader(WorkspaceFiles files) {
        this.files = files;
    }

    /** Reads the descriptor at a path relative to the repository root. */
    public Descriptor read(String path) {
        String normalised;
        try {
            normalised = RepoPath.normalise(path);
        } catch (IllegalArgumentException e) {
            throw refused(path == null ? "descriptor" : path, FILE, e.getMessage());
        }
        JsonNode root = parse(normalised);
        Problems problems = new Problems(normalised, false);
        Conversion conversion = new Conversion(problems, files, RepoPath.folderOf(normalised));
        convert(conversion, root);
        if (problems.hasErrors()) {
            throw Problems.exception(ErrorCode.INVALID_DESCRIPTOR, normalised, problems.errors());
        }
        return new Descriptor(normalised, conversion.overlay(), problems.warnings());
    }

    private JsonNode parse(String path) {
        String text;
        try {
            text = WorkspaceText.read(files, path);
        } catch (WorkspaceText.Unreadable e) {
            throw refused(path, FILE, e.getMessage(), e.hint());
        }
        JsonNode root;
        try {
            root = YamlDocument.parse(text);
        } catch (YamlDocument.SyntaxError e) {
            throw refused(path, e.position(), e.getMessage());
        }
        if (root.isMissingNode() || root.isNull()) {
            throw refused(path, FILE, "the file is empty: a workload.yaml holds endpoints, configurations "
                    + "and dependencies");
        }
        if (!root.isObject()) {
            throw refused(path, FILE, "the top level must be a mapping (endpoints:, configurations:, "
                    + "dependencies:), not " + YamlMapping.describe(root));
        }
        return root;
    }

    /** The top level: the keys OpenChoreo reads; {@code metadata.name} is read but not used. */
    private static void convert(Conversion conversion, JsonNode root) {
        Problems problems = conversion.problems();
        YamlMapping.of(root, "", problems, "apiVersion", "metadata", "endpoints", "configurations", "dependencies")
                .ifPresent(top -> {
                    top.mapping("metadata", "name"); // the Workload's name is always <component>-workload
                    EndpointsConversion.convert(conversion, top.node("endpoints"), top.path("endpoints"));
                    top.mapping("configurations", "env", "files").ifPresent(configurations -> {
                        ConfigurationsConversion.env(conversion, configurations.node("env"),
                                configurations.path("env"));
                        ConfigurationsConversion.files(conversion, configurations.node("files"),
                                configurations.path("files"));
                    });
                    if (top.has("dependencies")) {
                        DependenciesConversion.convert(conversion, top.node("dependencies"), top.path("dependencies"));
                    }
                });
    }

    private static InvalidRequestException refused(String path, String field, String message) {
        return refused(path, field, message, null);
    }

    private static InvalidRequestException refused(String path, String field, String message, String hint) {
        Problems problems = new Problems(path, false);
        problems.error(field, message, hint);
        return Problems.exception(ErrorCode.INVALID_DESCRIPTOR, path, problems.errors());
    }
}
