package io.jenkins.plugins.openchoreo;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.openchoreo.client.deploy.DeployMode;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle post-build action: the same fields and the same {@link DeployExecution} as the
 * Pipeline step, with {@code ${VAR}} expanded from the build's environment. Only a successful
 * build deploys by default: a failed build's image is not one to ship, and an UNSTABLE one
 * (failing or flaky tests) is shipped only when the job says so ({@link #setDeployUnstable}).
 * Aborting the build while the deploy waits for Ready stops the wait and leaves the build ABORTED.
 */
public class OpenChoreoDeployRecorder extends Recorder implements SimpleBuildStep, DeployArguments {

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
    private boolean deployUnstable;

    @DataBoundConstructor
    public OpenChoreoDeployRecorder(String component, String image) {
        this.component = Util.fixEmptyAndTrim(component);
        this.image = Util.fixEmptyAndTrim(image);
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        if (!PublisherRuns.proceed(run, listener, deployUnstable, Messages::OpenChoreoDeployRecorder_skipped,
                Messages::OpenChoreoDeployRecorder_skippedUnstable)) {
            return;
        }
        try {
            new DeployExecution(run, workspace, listener, env::expand).deploy(this);
        } catch (InterruptedException e) {
            throw PublisherRuns.aborted(run, listener, e);
        }
    }

    /** Deploys talk to a server, not to other builds' results: no need to wait for earlier builds. */
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
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

    public boolean isDeployUnstable() {
        return deployUnstable;
    }

    /** Deploy an UNSTABLE build too (off by default: only SUCCESS deploys). A freestyle-only option. */
    @DataBoundSetter
    public void setDeployUnstable(boolean deployUnstable) {
        this.deployUnstable = deployUnstable;
    }

    @Extension
    @Symbol("openchoreoDeployPublisher")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {

        public DescriptorImpl() {
            // One set of help files, kept beside the Pipeline step.
            for (String field : Forms.argumentNames(OpenChoreoDeployStep.class)) {
                addHelpFileRedirect(field, OpenChoreoDeployStep.class, field);
            }
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.OpenChoreoDeployRecorder_displayName();
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
