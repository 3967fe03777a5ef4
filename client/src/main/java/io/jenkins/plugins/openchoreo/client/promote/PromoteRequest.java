package io.jenkins.plugins.openchoreo.client.promote;

import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.rollout.WaitOptions;

/**
 * One promotion, as the Pipeline step, the freestyle action and the CLI describe it: the release
 * of a component that runs in environment {@code from} (or the named {@code release}) goes to
 * environment {@code to}. Immutable; holds no secret. Checked as a whole by the {@link Promoter}
 * before any request.
 *
 * @param release the ComponentRelease to promote, or null for the one bound in {@code from}
 * @param waitOptions how to follow the promotion to Ready in {@code to}, or null not to wait
 *     (its environment is ignored: it is always {@code to})
 */
public record PromoteRequest(String namespace, String project, String component, String from, String to,
        String release, boolean dryRun, WaitOptions waitOptions) {

    public PromoteRequest {
        namespace = blankTo(namespace, DeployRequest.DEFAULT_NAMESPACE);
        project = blankTo(project, DeployRequest.DEFAULT_PROJECT);
        component = blankTo(component, null);
        from = blankTo(from, null);
        to = blankTo(to, null);
        release = blankTo(release, null);
    }

    public static Builder builder(String component, String from, String to) {
        return new Builder().component(component).from(from).to(to);
    }

    /** The target's ReleaseBinding name, as OpenChoreo's CLI, portal and controllers name it. */
    public String bindingName() {
        return component + "-" + to;
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Fluent construction; every setter accepts null for "not given". */
    public static final class Builder {
        private String namespace;
        private String project;
        private String component;
        private String from;
        private String to;
        private String release;
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

        /** The environment whose bound release is promoted. */
        public Builder from(String value) {
            from = value;
            return this;
        }

        /** The environment to promote to. */
        public Builder to(String value) {
            to = value;
            return this;
        }

        /** A ComponentRelease to promote instead of the one bound in {@code from}. */
        public Builder release(String value) {
            release = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        /** Follow the promotion until the release is Ready in {@code to}; null (the default) not to wait. */
        public Builder waitOptions(WaitOptions value) {
            waitOptions = value;
            return this;
        }

        public PromoteRequest build() {
            return new PromoteRequest(namespace, project, component, from, to, release, dryRun, waitOptions);
        }
    }
}
