package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One deploy, as the Jenkins step, the freestyle action and the CLI describe it: which component
 * gets which image, and what else to put into its Workload. Immutable; holds no secret. Checked
 * as a whole by the {@link Deployer} before any request, so every mistake is reported at once.
 *
 * @param env {@code KEY=value} entries
 * @param endpoints YAML or JSON, a list shaped like the descriptor's {@code endpoints}
 * @param files YAML or JSON, a list shaped like the descriptor's {@code configurations.files}
 * @param dependencies YAML or JSON, an object shaped like the descriptor's {@code dependencies}
 * @param waitOptions how to follow the deploy to Ready, or null not to wait
 */
public record DeployRequest(String namespace, String project, String component, String image, String workloadName,
        String descriptor, List<String> env, String endpoints, String files, String dependencies,
        Map<String, String> labels, Map<String, String> annotations, DeployMode mode, String workflowRun,
        boolean failOnWorkflowRunError, boolean dryRun, WaitOptions waitOptions) {

    public static final String DEFAULT_NAMESPACE = "default";
    public static final String DEFAULT_PROJECT = "default";

    public DeployRequest {
        namespace = blankTo(namespace, DEFAULT_NAMESPACE);
        project = blankTo(project, DEFAULT_PROJECT);
        component = trim(component);
        image = trim(image);
        workloadName = blankTo(workloadName, null);
        descriptor = blankTo(descriptor, null);
        env = env == null ? List.of() : List.copyOf(env);
        endpoints = blankTo(endpoints, null);
        files = blankTo(files, null);
        dependencies = blankTo(dependencies, null);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels == null ? Map.of() : labels));
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations == null ? Map.of() : annotations));
        mode = mode == null ? DeployMode.AUTO : mode;
        workflowRun = blankTo(workflowRun, null);
    }

    public static Builder builder(String component, String image) {
        return new Builder().component(component).image(image);
    }

    /** The Workload's name: the given one, else OpenChoreo's convention {@code <component>-workload}. */
    public String effectiveWorkloadName() {
        return workloadName != null ? workloadName : component + "-workload";
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Fluent construction; every setter accepts null for "not given". */
    public static final class Builder {
        private String namespace;
        private String project;
        private String component;
        private String image;
        private String workloadName;
        private String descriptor;
        private List<String> env = List.of();
        private String endpoints;
        private String files;
        private String dependencies;
        private Map<String, String> labels = Map.of();
        private Map<String, String> annotations = Map.of();
        private DeployMode mode = DeployMode.AUTO;
        private String workflowRun;
        private boolean failOnWorkflowRunError;
        private boolean dryRun;
        private WaitOptions waitOptions;

        public Builder namespace(String value) {
            namespace = value;
            return this;
        }

        public Builder project(String value) {
            project = value;
            return this;
        }

        public Builder component(String value) {
            component = value;
            return this;
        }

        public Builder image(String value) {
            image = value;
            return this;
        }

        public Builder workloadName(String value) {
            workloadName = value;
            return this;
        }

        /** The workload.yaml path, relative to the repository root. */
        public Builder descriptor(String value) {
            descriptor = value;
            return this;
        }

        public Builder env(List<String> value) {
            env = Objects.requireNonNullElse(value, List.of());
            return this;
        }

        public Builder endpoints(String value) {
            endpoints = value;
            return this;
        }

        public Builder files(String value) {
            files = value;
            return this;
        }

        public Builder dependencies(String value) {
            dependencies = value;
            return this;
        }

        public Builder labels(Map<String, String> value) {
            labels = Objects.requireNonNullElse(value, Map.of());
            return this;
        }

        public Builder annotations(Map<String, String> value) {
            annotations = Objects.requireNonNullElse(value, Map.of());
            return this;
        }

        public Builder mode(DeployMode value) {
            mode = value;
            return this;
        }

        public Builder workflowRun(String value) {
            workflowRun = value;
            return this;
        }

        public Builder failOnWorkflowRunError(boolean value) {
            failOnWorkflowRunError = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        /** Follow the deploy until its release is Ready; null (the default) not to wait. */
        public Builder waitOptions(WaitOptions value) {
            waitOptions = value;
            return this;
        }

        public DeployRequest build() {
            return new DeployRequest(namespace, project, component, image, workloadName, descriptor, env, endpoints,
                    files, dependencies, labels, annotations, mode, workflowRun, failOnWorkflowRunError, dryRun,
                    waitOptions);
        }
    }
}
