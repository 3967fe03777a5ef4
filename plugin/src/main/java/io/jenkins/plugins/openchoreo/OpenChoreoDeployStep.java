package io.jenkins.plugins.openchoreo;

import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.openchoreo.client.deploy.DeployMode;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code openchoreoDeploy(component: 'greeter', image: "registry/greeter:${BUILD_NUMBER}")}: deploys
 * the image to the component's Workload and returns the result as a map of plain values. Every
 * field is an argument or a credentials id; nothing secret is ever held, so nothing secret is
 * serialized with the Pipeline.
 */
public class OpenChoreoDeployStep extends Step implements DeployArguments {

    private final String component;
    private final String image;
    private String namespace;
    private String project;
    private String credentialsId;
    private String workloadName;
    private String descriptorPath;
    private String env;
    private String endpoints;
    private String files;
    private String dependencies;
    private String labels;
    private String annotations;
    private String mode;
    private String workflowRun;
    private boolean failOnWorkflowRunError;
    private boolean dryRun;
    private String apiUrl;
    private String tokenUrl;
    private String portalUrl;
    private boolean wait;
    private String environment;
    private String waitTimeout;
    private boolean strictWait;
    private boolean showLogs;

    @DataBoundConstructor
    public OpenChoreoDeployStep(String component, String image) {
        this.component = Util.fixEmptyAndTrim(component);
        this.image = Util.fixEmptyAndTrim(image);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(this, context);
    }

    @Override
    public String getComponent() {
        return component;
    }

    @Override
    public String getImage() {
        return image;
    }

    @Override
    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = Util.fixEmptyAndTrim(namespace);
    }

    @Override
    public String getProject() {
        return project;
    }

    @DataBoundSetter
    public void setProject(String project) {
        this.project = Util.fixEmptyAndTrim(project);
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @Override
    public String getWorkloadName() {
        return workloadName;
    }

    @DataBoundSetter
    public void setWorkloadName(String workloadName) {
        this.workloadName = Util.fixEmptyAndTrim(workloadName);
    }

    @Override
    public String getDescriptorPath() {
        return descriptorPath;
    }

    @DataBoundSetter
    public void setDescriptorPath(String descriptorPath) {
        this.descriptorPath = Util.fixEmptyAndTrim(descriptorPath);
    }

    @Override
    public String getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(String env) {
        this.env = Util.fixEmpty(env);
    }

    @Override
    public String getEndpoints() {
        return endpoints;
    }

    @DataBoundSetter
    public void setEndpoints(String endpoints) {
        this.endpoints = Util.fixEmpty(endpoints);
    }

    @Override
    public String getFiles() {
        return files;
    }

    @DataBoundSetter
    public void setFiles(String files) {
        this.files = Util.fixEmpty(files);
    }

    @Override
    public String getDependencies() {
        return dependencies;
    }

    @DataBoundSetter
    public void setDependencies(String dependencies) {
        this.dependencies = Util.fixEmpty(dependencies);
    }

    @Override
    public String getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = Util.fixEmpty(labels);
    }

    @Override
    public String getAnnotations() {
        return annotations;
    }

    @DataBoundSetter
    public void setAnnotations(String annotations) {
        this.annotations = Util.fixEmpty(annotations);
    }

    @Override
    public String getMode() {
        return mode;
    }

    /**
     * Kept as written ({@code ${MODE}} in a freestyle job, or a typo) and read when the deploy
     * runs ({@link ArgumentResolver#mode}), which fails the build with the accepted values; the
     * form checks it while typing ({@code doCheckMode}). {@code auto}, the default, is kept as
     * null so that forms and snippets round-trip.
     */
    @DataBoundSetter
    public void setMode(String mode) {
        String value = Util.fixEmptyAndTrim(mode);
        this.mode = value == null || value.equalsIgnoreCase(DeployMode.AUTO.wireName()) ? null : value;
    }

    @Override
    public String getWorkflowRun() {
        return workflowRun;
    }

    @DataBoundSetter
    public void setWorkflowRun(String workflowRun) {
        this.workflowRun = Util.fixEmptyAndTrim(workflowRun);
    }

    @Override
    public boolean isFailOnWorkflowRunError() {
        return failOnWorkflowRunError;
    }

    @DataBoundSetter
    public void setFailOnWorkflowRunError(boolean failOnWorkflowRunError) {
        this.failOnWorkflowRunError = failOnWorkflowRunError;
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    @Override
    public String getApiUrl() {
        return apiUrl;
    }

    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = Util.fixEmptyAndTrim(apiUrl);
    }

    @Override
    public String getTokenUrl() {
        return tokenUrl;
    }

    @DataBoundSetter
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = Util.fixEmptyAndTrim(tokenUrl);
    }

    @Override
    public String getPortalUrl() {
        return portalUrl;
    }

    @DataBoundSetter
    public void setPortalUrl(String portalUrl) {
        this.portalUrl = Util.fixEmptyAndTrim(portalUrl);
    }

    @Override
    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    @Override
    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = Util.fixEmptyAndTrim(environment);
    }

    @Override
    public String getWaitTimeout() {
        return waitTimeout;
    }

    /** Kept as written (it may hold {@code ${VAR}} in a freestyle job); checked when the deploy runs. */
    @DataBoundSetter
    public void setWaitTimeout(String waitTimeout) {
        this.waitTimeout = Util.fixEmptyAndTrim(waitTimeout);
    }

    @Override
    public boolean isStrictWait() {
        return strictWait;
    }

    @DataBoundSetter
    public void setStrictWait(boolean strictWait) {
        this.strictWait = strictWait;
    }

    @Override
    public boolean isShowLogs() {
        return showLogs;
    }

    /** With wait: a rollout that fails reports its pods' last log lines too (masked, bounded); off by default. */
    @DataBoundSetter
    public void setShowLogs(boolean showLogs) {
        this.showLogs = showLogs;
    }

    /**
     * Runs the deploy off the CPS thread (it waits on the network). Like every synchronous
     * non-blocking step it cannot resume after a controller restart; the deploy is idempotent,
     * so running the build again is safe.
     *
     * <p>Abort: {@code stop} is not overridden. {@link SynchronousNonBlockingStepExecution#stop}
     * records the cause and cancels the task with {@code Future.cancel(true)}, which interrupts
     * this thread; the engine's wait ends on that interrupt, {@link DeployExecution} turns it into
     * an {@link InterruptedException}, and the execution reports the stop cause (the thrown
     * exception is only added to it as suppressed).
     */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient OpenChoreoDeployStep step;

        Execution(OpenChoreoDeployStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            // FilePath is there only inside node {}: enough unless a descriptor has to be read.
            DeployExecution execution = new DeployExecution(context.get(Run.class), context.get(FilePath.class),
                    context.get(TaskListener.class), UnaryOperator.identity());
            return execution.deploy(step).toMap();
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "openchoreoDeploy";
        }

        @Override
        public String getDisplayName() {
            return Messages.OpenChoreoDeployStep_displayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId,
                @QueryParameter String apiUrl, @QueryParameter String tokenUrl) {
            return Forms.credentialsItems(item, credentialsId, apiUrl, tokenUrl);
        }

        @POST
        public ComboBoxModel doFillModeItems() {
            return Forms.modeItems();
        }

        @POST
        public FormValidation doCheckMode(@QueryParameter String value) {
            return Forms.checkMode(value);
        }

        @POST
        public FormValidation doCheckComponent(@QueryParameter String value) {
            return Util.fixEmptyAndTrim(value) == null ? FormValidation.error(Messages.Forms_required("component"))
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckImage(@QueryParameter String value) {
            return Util.fixEmptyAndTrim(value) == null ? FormValidation.error(Messages.Forms_required("image"))
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckApiUrl(@QueryParameter String value) {
            return Forms.checkUrl("API URL", value, false);
        }

        @POST
        public FormValidation doCheckTokenUrl(@QueryParameter String value) {
            return Forms.checkUrl("token URL", value, false);
        }

        @POST
        public FormValidation doCheckPortalUrl(@QueryParameter String value) {
            return Forms.checkUrl("portal URL", value, false);
        }

        @POST
        public FormValidation doCheckWaitTimeout(@QueryParameter String value) {
            return Forms.checkWaitTimeout(value);
        }
    }
}
