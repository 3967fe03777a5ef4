package io.jenkins.plugins.openchoreo;

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
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle post-build action for a promotion: the same fields and the same
 * {@link PromoteExecution} as the Pipeline step, with {@code ${VAR}} expanded from the build's
 * environment, and the deploy action's rules for the build result ({@link PublisherRuns}): only
 * a successful build promotes, an UNSTABLE one when {@link #setPromoteUnstable} says so.
 */
public class OpenChoreoPromoteRecorder extends Recorder implements SimpleBuildStep, PromoteArguments {

    private final String component;
    private final String from;
    private final String to;
    private String release;
    private String namespace;
    private String project;
    private String credentialsId;
    private boolean dryRun;
    private boolean wait;
    private String waitTimeout;
    private boolean strictWait;
    private boolean showLogs;
    private String apiUrl;
    private String tokenUrl;
    private String portalUrl;
    private boolean promoteUnstable;

    @DataBoundConstructor
    public OpenChoreoPromoteRecorder(String component, String from, String to) {
        this.component = Util.fixEmptyAndTrim(component);
        this.from = Util.fixEmptyAndTrim(from);
        this.to = Util.fixEmptyAndTrim(to);
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        if (!PublisherRuns.proceed(run, listener, promoteUnstable, Messages::OpenChoreoPromoteRecorder_skipped,
                Messages::OpenChoreoPromoteRecorder_skippedUnstable)) {
            return;
        }
        try {
            new PromoteExecution(run, listener, env::expand).promote(this);
        } catch (InterruptedException e) {
            throw PublisherRuns.aborted(run, listener, e);
        }
    }

    /** Promotions talk to a server, not to other builds' results. */
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public String getComponent() {
        return component;
    }

    @Override
    public String getFrom() {
        return from;
    }

    @Override
    public String getTo() {
        return to;
    }

    @Override
    public String getRelease() {
        return release;
    }

    @DataBoundSetter
    public void setRelease(String release) {
        this.release = Util.fixEmptyAndTrim(release);
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
    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
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
    public String getWaitTimeout() {
        return waitTimeout;
    }

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

    @DataBoundSetter
    public void setShowLogs(boolean showLogs) {
        this.showLogs = showLogs;
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

    public boolean isPromoteUnstable() {
        return promoteUnstable;
    }

    /** Promote after an UNSTABLE build too (off by default: only SUCCESS promotes). A freestyle-only option. */
    @DataBoundSetter
    public void setPromoteUnstable(boolean promoteUnstable) {
        this.promoteUnstable = promoteUnstable;
    }

    @Extension
    @Symbol("openchoreoPromotePublisher")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {

        public DescriptorImpl() {
            // One set of help files: the promote step's, which sends the shared ones on to the deploy step's.
            for (String field : Forms.argumentNames(OpenChoreoPromoteStep.class)) {
                addHelpFileRedirect(field, OpenChoreoPromoteStep.class, field);
            }
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.OpenChoreoPromoteRecorder_displayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId,
                @QueryParameter String apiUrl, @QueryParameter String tokenUrl) {
            return Forms.credentialsItems(item, credentialsId, apiUrl, tokenUrl);
        }

        @POST
        public FormValidation doCheckComponent(@QueryParameter String value) {
            return OpenChoreoPromoteStep.required("component", value);
        }

        @POST
        public FormValidation doCheckFrom(@QueryParameter String value) {
            return OpenChoreoPromoteStep.required("from", value);
        }

        @POST
        public FormValidation doCheckTo(@QueryParameter String value) {
            return OpenChoreoPromoteStep.required("to", value);
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
